/**
 * What a use case answers: done (with what the caller needs to render), or refused with a short
 * message for the person who asked. A refusal changed nothing.
 */
export type Refused = { ok: false; message: string };
export type UseCaseOutcome<T extends object = object> = ({ ok: true } & T) | Refused;

export function refuse(message: string): Refused {
  return { ok: false, message };
}
