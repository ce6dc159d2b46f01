/** A command line that can't be run as typed (exit code 2). */
export class CliUsageError extends Error {}
