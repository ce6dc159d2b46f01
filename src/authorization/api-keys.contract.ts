// HTTP contract of partner API keys (read-only access for partners, per organisation).
import { z } from "../shared/zod.ts";

export const apiKeyScopes = ["offers:read"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeyParamsSchema = z.object({
  id: z.uuid("Identifiant d'organisation invalide."),
  keyId: z.uuid("Identifiant de clé invalide."),
});
export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1, "Nommez la clé (par exemple le nom du partenaire).").max(100, "Nom trop long (100 caractères au plus)."),
  scopes: z.array(z.enum(apiKeyScopes, "Portée inconnue.")).min(1, "Choisissez au moins une portée.").max(apiKeyScopes.length),
});
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("Début de la clé, pour la reconnaître"),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdApiKeySchema = apiKeySchema.extend({ token: z.string().describe("La clé complète, affichée une seule fois") });

export const apiKeysRoutes = {
  create: { method: "POST", url: "/api/v1/organisations/:id/api-keys" },
  list: { method: "GET", url: "/api/v1/organisations/:id/api-keys" },
  revoke: { method: "DELETE", url: "/api/v1/organisations/:id/api-keys/:keyId" },
} as const;
