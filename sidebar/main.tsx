import { render } from 'preact';
import { App } from './app';
import { BoardApp } from './views/board/board-app';

const root = document.getElementById('app')!;
// The same bundle serves the wide pipeline dialog (gas/ui.ts showWideDialog marks it).
render(root.dataset.mode === 'board' ? <BoardApp /> : <App />, root);
