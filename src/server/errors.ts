// Domain errors carry a code and parameters; each capability maps its codes to
// an HTTP status and a French message (`*.errors.ts`). The root error handler
// answers `{ code, message, details? }` and never a stack trace.
export type ErrorDefinition = { status: number; message: (params: Record<string, unknown>) => string };

export class DomainError extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;
  constructor(code: string, params: Record<string, unknown> = {}) {
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.params = params;
  }
}

const catalogue = new Map<string, ErrorDefinition>();

/** Each capability registers its error catalogue once, at import time. */
export const defineErrors = <Code extends string>(definitions: Record<Code, ErrorDefinition>) => {
  for (const [code, definition] of Object.entries(definitions) as [Code, ErrorDefinition][]) {
    catalogue.set(code, definition);
  }
  return (code: Code, params: Record<string, unknown> = {}): DomainError => new DomainError(code, params);
};

export const describeError = (error: DomainError): { status: number; message: string } => {
  const definition = catalogue.get(error.code);
  if (!definition) return { status: 500, message: "Une erreur inattendue est survenue." };
  return { status: definition.status, message: definition.message(error.params) };
};

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
