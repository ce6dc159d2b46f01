// Root error handler: domain errors → their status and French message, schema
// failures → 400 with French messages per field, anything else → 500 logged
// with the request id and a generic message (never a stack trace, never data).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { describeError, isDomainError } from "./errors.ts";

export type ErrorBody = { code: string; message: string; details?: { field: string; message: string }[] };

export const registerErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) {
      const { status, message } = describeError(error);
      return reply.code(status).send({ code: error.code, message } satisfies ErrorBody);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => {
        const zodIssue = issue.params.issue as { path?: PropertyKey[]; message?: string } | undefined;
        // zod 4 through the type provider gives the path as instancePath ("/email").
        const path = zodIssue?.path?.length ? zodIssue.path.map(String) : issue.instancePath.split("/").filter(Boolean);
        return {
          field: [error.validationContext, ...path].join("."),
          message: issue.message ?? zodIssue?.message ?? "valeur invalide",
        };
      });
      const summary = details.map((d) => `${d.field} : ${d.message}`).join(" ; ");
      return reply.code(400).send({ code: "validation", message: `Requête invalide — ${summary}`, details } satisfies ErrorBody);
    }
    if (error.statusCode === 413 || error.code === "FST_REQ_FILE_TOO_LARGE" || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.code(413).send({ code: "payload_too_large", message: "Le fichier dépasse la taille maximale autorisée." } satisfies ErrorBody);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: "bad_request", message: "Requête invalide." } satisfies ErrorBody);
    }
    request.log.error({ err: { code: error.code, message: error.message, stack: error.stack } }, "unexpected error");
    return reply.code(500).send({ code: "internal", message: "Une erreur inattendue est survenue." } satisfies ErrorBody);
  });
};

/** JSON 404 of the API. Fastify accepts one not-found handler per prefix: buildApp sets it (or the web fallback using it). */
export const sendNotFound = (request: FastifyRequest, reply: FastifyReply) =>
  reply.code(404).send({ code: "not_found", message: `Aucune ressource à l'adresse ${request.url.split("?")[0]}.` } satisfies ErrorBody);
