/**
 * Draws a sheet's embedded charts with Chart.js (bundled into the page by
 * esbuild from node_modules: playground only, never in the add-on). Each
 * chart also lists its numbers in a table, for screen readers and tests.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';
import type { ChartView } from '../chart-view.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Title, Tooltip);

const COLOURS = ['#1a73e8', '#188038', '#f29900', '#d93025', '#9334e6', '#12b5cb'];
let drawn: Chart[] = [];

function text<K extends keyof HTMLElementTagNameMap>(tag: K, value: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = value;
  return node;
}

function dataTable(view: ChartView): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'chart-data';
  const head = document.createElement('tr');
  head.append(text('th', ''), ...view.series.map((s) => text('th', s.name)));
  table.append(head);
  view.labels.forEach((label, i) => {
    const tr = document.createElement('tr');
    tr.append(
      text('th', label),
      ...view.series.map((s) => text('td', view.percent ? `${Math.round(s.values[i] * 1000) / 10}%` : String(Math.round(s.values[i] * 100) / 100))),
    );
    table.append(tr);
  });
  return table;
}

export function renderCharts(container: HTMLElement, charts: readonly ChartView[]): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
  container.replaceChildren();
  container.hidden = charts.length === 0;
  const ordered = [...charts].sort((a, b) => a.anchor.row - b.anchor.row || a.anchor.col - b.anchor.col);
  for (const view of ordered) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    figure.dataset.chartType = view.type;
    figure.setAttribute('aria-label', view.title);
    const holder = document.createElement('div');
    holder.className = 'chart-canvas';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', view.title);
    holder.append(canvas);
    const details = document.createElement('details');
    details.append(text('summary', 'Data'), dataTable(view));
    figure.append(text('figcaption', view.title), holder, details);
    container.append(figure);
    const horizontal = view.type === 'BAR';
    drawn.push(
      new Chart(canvas, {
        type: view.type === 'LINE' ? 'line' : 'bar',
        data: {
          labels: view.labels,
          datasets: view.series.map((s, k) => ({
            label: s.name,
            data: s.values,
            backgroundColor: COLOURS[k % COLOURS.length],
            borderColor: COLOURS[k % COLOURS.length],
          })),
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: horizontal ? 'y' : 'x',
          plugins: { legend: { display: view.series.length > 1, position: 'bottom' } },
          scales: {
            x: { stacked: view.stacked },
            y: {
              stacked: view.stacked,
              beginAtZero: true,
              ...(view.percent ? { max: 1, ticks: { callback: (v: string | number) => `${Math.round(Number(v) * 100)}%` } } : {}),
            },
          },
        },
      }),
    );
  }
}
