/** The sidebar calls of the client card's Archive panel: deleted clients, and bringing one back. */
import type { Result } from '../core/result';
import type { ClientDto } from './clients';
import { handle } from './handle';
import { listDeleted, undeleteClient, type DeletedClientDto } from './undelete';

export type { DeletedClientDto };

/** Admins: clients deleted and not restored yet, newest first. */
export function apiListDeleted(): Result<DeletedClientDto[]> {
  return handle(() => listDeleted());
}

/** Admins: one deleted client back in Clients, with its ID; snapshotted first and audited. */
export function apiUndeleteClient(deletionId: string): Result<ClientDto> {
  return handle(() => undeleteClient(String(deletionId ?? '')));
}
