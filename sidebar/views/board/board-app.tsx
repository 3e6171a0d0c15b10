/**
 * The pipeline board, shown in a wide modal dialog (ClientBase ▸ Pipeline
 * board) by the sidebar's own bundle. A column per stage with its count and
 * money; cards dragged to another column, or moved with ←/→ from the
 * keyboard. One round trip loads the board, one moves a card (apiSetStage,
 * which checks the card's Updated stamp and audits the move); the board is
 * patched in place, not reloaded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardCardDto, BoardDto } from '../../../src/server';
import { guessLocale, storedLocale } from '../../i18n/locale';
import { optionLabel } from '../../../src/core/schema/field-words';
import { rpc } from '../../rpc';
import { boardMessages } from './messages';

const formatMoney = (n: number, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  } catch {
    return String(Math.round(n));
  }
};

export function BoardApp() {
  const locale = storedLocale() ?? guessLocale();
  const m = boardMessages(locale);
  const [board, setBoard] = useState<BoardDto | null>(null);
  const [manager, setManager] = useState('');
  const [segment, setSegment] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const dragged = useRef<string>('');
  const focusAfter = useRef<string>('');

  const load = async (filter: { manager?: string; segment?: string }) => {
    setError('');
    const r = await rpc.apiBoard(filter);
    if (r.ok) setBoard(r.value);
    else setError(r.error.message);
  };

  useEffect(() => {
    document.documentElement.lang = locale;
    load({});
  }, []);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(`cb-card-${focusAfter.current}`)?.focus();
    focusAfter.current = '';
  });

  // Columns stay the stored options (a drop writes one); their names are the team's words in this language.
  const label = (stage: string) => (stage ? (board?.stageField ? optionLabel(board.stageField, stage, locale) : stage) : m.noStage);
  const canMove = board?.role !== 'reader';

  const move = async (card: BoardCardDto, to: string) => {
    if (!board || busy || !canMove || !to) return;
    const from = board.columns.find((c) => c.cards.some((x) => x.id === card.id));
    if (!from || from.stage === to) return;
    setBusy(true);
    setError('');
    setStatus(m.moving(card.name));
    const r = await rpc.apiSetStage(card.id, to, card.updated);
    setBusy(false);
    if (!r.ok) {
      setStatus('');
      return setError(r.error.message);
    }
    const updated = r.value.status === 'saved' ? r.value.client.updated : card.updated;
    const moved = { ...card, updated };
    setBoard({
      ...board,
      columns: board.columns.map((c) =>
        c === from
          ? { ...c, count: c.count - 1, money: c.money - card.money, cards: c.cards.filter((x) => x.id !== card.id) }
          : c.stage === to
            ? { ...c, count: c.count + 1, money: c.money + card.money, cards: [moved, ...c.cards] }
            : c,
      ),
    });
    focusAfter.current = card.id;
    setStatus(m.moved(card.name, to));
  };

  const onKey = (e: KeyboardEvent, card: BoardCardDto, index: number) => {
    if (!board || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const stages = board.columns.map((c) => c.stage).filter(Boolean);
    const at = stages.indexOf(board.columns[index].stage);
    const next = e.key === 'ArrowRight' ? stages[at + 1] : at > 0 ? stages[at - 1] : undefined;
    if (next) move(card, next);
  };

  const filter = (next: { manager?: string; segment?: string }) => {
    const f = { manager, segment, ...next };
    setManager(f.manager);
    setSegment(f.segment);
    load(f);
  };

  return (
    <div class="board-app">
      <header class="board-head">
        <h2>{m.title}</h2>
        <label>
          {m.manager}{' '}
          <select value={manager} onChange={(e) => filter({ manager: e.currentTarget.value })}>
            <option value="">{m.all}</option>
            {board?.people.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.segment}{' '}
          <select value={segment} onChange={(e) => filter({ segment: e.currentTarget.value })}>
            <option value="">{m.all}</option>
            {board?.segments.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{canMove ? m.help : m.readOnly}</p>
      </header>
      <p role="status" aria-live="polite" class="notice">
        {status}
      </p>
      {error && (
        <p class="banner error" role="alert">
          {error}
        </p>
      )}
      {!board && !error && <p class="muted">{m.loading}</p>}
      {board?.capped && <p class="muted">{m.capped}</p>}
      {board && (
        <div class="board-columns">
          {board.columns.map((c, index) => (
            <section
              key={c.stage || '-'}
              class="board-column"
              aria-label={label(c.stage)}
              onDragOver={(e) => {
                if (c.stage) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                const card = board.columns.flatMap((x) => x.cards).find((x) => x.id === (e.dataTransfer?.getData('text/plain') || dragged.current));
                if (card && c.stage) move(card, c.stage);
              }}
            >
              <h3>
                {label(c.stage)} <span class="badge">{c.count}</span>
              </h3>
              <p class="muted board-money">{m.money(board.moneyLabel, formatMoney(c.money, locale))}</p>
              <ul>
                {c.cards.map((card) => (
                  <li key={card.id}>
                    <button
                      type="button"
                      id={`cb-card-${card.id}`}
                      class={`board-card${card.due ? ` due-${card.due}` : ''}`}
                      draggable={canMove}
                      aria-label={m.card(card.name, label(c.stage))}
                      aria-describedby={card.due ? `cb-due-${card.id}` : undefined}
                      onDragStart={(e) => {
                        dragged.current = card.id;
                        e.dataTransfer?.setData('text/plain', card.id);
                      }}
                      onKeyDown={(e) => onKey(e, card, index)}
                    >
                      <strong>{card.name}</strong>
                      {card.company && <span class="muted">{card.company}</span>}
                      {card.manager && <span class="muted">{card.manager}</span>}
                      {card.money > 0 && <span>{formatMoney(card.money, locale)}</span>}
                      {card.due && (
                        <span id={`cb-due-${card.id}`} class="board-due">
                          {card.due === 'today' ? m.today : m.overdue}: {card.nextStep}
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
