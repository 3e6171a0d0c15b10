import { render } from 'preact';

function App() {
  return <h1>ClientBase</h1>;
}

render(<App />, document.getElementById('app')!);
