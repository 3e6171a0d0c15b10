/**
 * Other ways people write the default stages, in the base's four languages,
 * so Check data can offer "Горячий → Hot" or "hot lead → Hot" as a fix. A
 * synonym is offered only when its option is one of the field's options.
 */

/** Words that qualify a stage without changing it: "hot lead", "тёплый клиент", "client VIP". */
const FILLER = new Set(['lead', 'leads', 'client', 'clients', 'customer', 'prospect', 'contact', 'лид', 'клиент', 'клиентка', 'клієнт', 'клієнтка', 'clientă']);

const STAGE_WORDS: Record<string, readonly string[]> = {
  cold: ['холодный', 'холодная', 'холодное', 'холодные', 'холодний', 'холодна', 'холодне', 'rece'],
  warm: ['тёплый', 'теплый', 'тёплая', 'теплая', 'тёплые', 'теплые', 'теплий', 'тепла', 'cald', 'caldă', 'călduț'],
  hot: ['горячий', 'горячая', 'горячие', 'гарячий', 'гаряча', 'гарячі', 'fierbinte'],
  vip: ['вип', 'віп', 'v.i.p.', 'v.i.p'],
  lost: ['потерян', 'потерянный', 'потерянная', 'проигран', 'отказ', 'отказался', 'втрачений', 'втрачена', 'відмова', 'pierdut', 'pierdută', 'refuz'],
};

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The option a stage synonym or a qualified option names ("hot lead", "Горячий"), when the field has it. */
export function synonymOption(options: readonly string[], raw: string): string | undefined {
  const text = key(raw);
  const bare = text
    .split(' ')
    .filter((w) => !FILLER.has(w))
    .join(' ');
  const direct = options.find((o) => key(o) === bare);
  if (direct && bare !== text) return direct;
  for (const [stage, words] of Object.entries(STAGE_WORDS)) {
    if (!words.includes(text) && !words.includes(bare)) continue;
    const option = options.find((o) => key(o) === stage);
    if (option) return option;
  }
  return undefined;
}
