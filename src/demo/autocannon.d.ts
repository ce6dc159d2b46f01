// The part of autocannon (no published types) that the platform bench uses.
declare module "autocannon" {
  type Options = {
    url: string;
    connections?: number;
    overallRate?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[];
  };
  type Result = { errors: number; timeouts: number; non2xx: number };
  type Instance = PromiseLike<Result> & { on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void };
  export default function autocannon(options: Options): Instance;
}
