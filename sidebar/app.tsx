/** The sidebar: loads the session, picks the language, and shows one top-level view at a time. */
import { useEffect, useState } from 'preact/hooks';
import { panelId, tabId, TabBar } from './components/tab-bar';
import { guessLocale, LOCALES, MessagesContext, storedLocale, storeLocale, type Locale } from './i18n/locale';
import { rpc } from './rpc';
import { SessionContext, type Session } from './session';
import type { OpenRequest } from './views/client-view';
import { VIEWS } from './views/registry';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [bootError, setBootError] = useState('');
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? guessLocale());
  const [tab, setTab] = useState<string>(VIEWS[0].id);
  const [clientRequest, setClientRequest] = useState<OpenRequest | null>(null);
  const t = LOCALES[locale].messages;

  const boot = async () => {
    setBootError('');
    const result = await rpc.apiBootstrap();
    if (!result.ok) return setBootError(result.error.message);
    if (!storedLocale()) setLocale(result.value.locale);
    // A menu item may ask for a view; one this sidebar does not have yet falls back to the first.
    if (VIEWS.some((v) => v.id === result.value.view)) setTab(result.value.view);
    setSession(result.value);
  };

  useEffect(() => {
    boot();
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLocale = (next: Locale) => {
    storeLocale(next);
    setLocale(next);
  };

  const openClient = (id: string) => {
    setTab('client');
    setClientRequest((r) => ({ id, seq: (r?.seq ?? 0) + 1 }));
  };

  return (
    <MessagesContext.Provider value={t}>
      <div class="app">
        <header class="app-head">
          {session && <TabBar tabs={VIEWS.map((v) => ({ id: v.id, label: v.label(t) }))} selected={tab} label={t.views} onSelect={setTab} />}
          <label class="sr-only" for="cb-lang">{t.language}</label>
          <select id="cb-lang" class="lang" value={locale} onChange={(e) => chooseLocale(e.currentTarget.value as Locale)}>
            {(Object.keys(LOCALES) as Locale[]).map((l) => (
              <option key={l} value={l} lang={l}>{LOCALES[l].label}</option>
            ))}
          </select>
        </header>
        {bootError && (
          <div class="banner error" role="alert">
            <p>{t.errorPrefix} {bootError}</p>
            <button type="button" onClick={boot}>{t.retry}</button>
          </div>
        )}
        {!session && !bootError && <p class="muted" role="status">{t.loading}</p>}
        {session && (
          <SessionContext.Provider value={session}>
            {VIEWS.map(({ id, View }) => (
              <div key={id} id={panelId(id)} role="tabpanel" aria-labelledby={tabId(id)} hidden={tab !== id}>
                <View active={tab === id} openClient={openClient} clientRequest={clientRequest} />
              </div>
            ))}
          </SessionContext.Provider>
        )}
      </div>
    </MessagesContext.Provider>
  );
}
