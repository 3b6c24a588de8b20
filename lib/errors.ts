/** An error whose message is written for the person using Tabkeep, shown as it is. */
export class UserError extends Error {
  override name = 'UserError';
}

export function messageFor(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong inside Tabkeep: ${detail}`;
}
