/** What every view needs from apiBootstrap: the user, their role, the fields and "today". */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { BootstrapDto } from '../src/server';

export type Session = BootstrapDto;

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

export const canEdit = (session: Session): boolean => session.role !== 'reader';
