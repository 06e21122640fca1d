/**
 * Errors a user can act on. Every message names what is wrong and where (file, sheet, cell), so the
 * command line and the task pane can show it as it is, without a stack trace.
 */
export type ErrorKind = 'bad-input' | 'usage' | 'not-found' | 'unsupported';

export class FollowUpError extends Error {
  readonly kind: ErrorKind;
  /** Sheet-qualified cell or range the error is about, when there is one (`'Budget 2024'!D7`). */
  readonly cell: string | null;

  constructor(kind: ErrorKind, message: string, cell: string | null = null) {
    super(message);
    this.name = 'FollowUpError';
    this.kind = kind;
    this.cell = cell;
  }
}

export function isFollowUpError(e: unknown): e is FollowUpError {
  return e instanceof FollowUpError;
}
