// HTTP contract of accounts and sign-in, shared by server, web and tests.
import { z } from "../shared/zod.ts";

const email = z.string().trim().max(254, "Adresse électronique trop longue.").pipe(z.email("Adresse électronique invalide."));
const password = z
  .string()
  .min(10, "Le mot de passe doit contenir au moins 10 caractères.")
  .max(200, "Le mot de passe ne peut pas dépasser 200 caractères.");

export const signupBodySchema = z.object({
  email,
  password,
  name: z.string().trim().min(1, "Indiquez votre nom.").max(200, "Nom trop long (200 caractères au plus)."),
  kind: z.enum(["candidate", "professional"], "Type de compte attendu : candidate ou professional."),
});
export const verifyEmailBodySchema = z.object({
  email,
  code: z.string().trim().regex(/^\d{6}$/, "Le code comporte 6 chiffres."),
});
export const resendCodeBodySchema = z.object({ email });
export const loginBodySchema = z.object({ email, password: z.string().min(1, "Saisissez votre mot de passe.").max(200) });
export const passwordResetRequestBodySchema = z.object({ email });
export const passwordResetConfirmBodySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Lien de réinitialisation invalide."),
  password,
});
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel.").max(200),
  newPassword: password,
});
export const chooseOrganisationBodySchema = z.object({
  organisationId: z.uuid("Identifiant d'organisation invalide.").nullable(),
});
export const oidcStartQuerySchema = z.object({
  returnTo: z.string().regex(/^\/(?!\/)[^\s]*$/, "Chemin de retour invalide.").max(500).optional(),
});
export const oidcCallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
});

export const acceptedSchema = z.object({ status: z.literal("accepted"), message: z.string() });

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  kind: z.enum(["candidate", "professional", "admin"]),
  hasPassword: z.boolean().describe("Faux pour un compte créé par ProConnect sans mot de passe (POST /api/v1/auth/password lui est refusé)"),
});
export const sessionOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  family: z.enum(["employer", "prescriber", "operator"]),
  kind: z.string(),
  role: z.enum(["member", "admin"]),
});
export const sessionResponseSchema = z.object({
  authenticated: z.boolean(),
  user: sessionUserSchema.nullable(),
  organisations: z.array(sessionOrganisationSchema),
  actingOrganisationId: z.string().nullable(),
  role: z.string().describe("Rôle d'autorisation courant (matrice)"),
  csrfToken: z.string().nullable().describe("À renvoyer dans l'en-tête x-csrf-token des requêtes POST/PUT/PATCH/DELETE"),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const signInMethodsSchema = z.object({
  password: z.literal(true),
  proConnect: z.boolean().describe("Vrai quand la connexion OpenID Connect (ProConnect) est configurée sur ce serveur"),
});
export type SignInMethods = z.infer<typeof signInMethodsSchema>;

export const accountsRoutes = {
  methods: { method: "GET", url: "/api/v1/auth/methods" },
  signup: { method: "POST", url: "/api/v1/auth/signup" },
  verifyEmail: { method: "POST", url: "/api/v1/auth/verify-email" },
  resendCode: { method: "POST", url: "/api/v1/auth/verify-email/resend" },
  login: { method: "POST", url: "/api/v1/auth/login" },
  logout: { method: "POST", url: "/api/v1/auth/logout" },
  session: { method: "GET", url: "/api/v1/auth/session" },
  chooseOrganisation: { method: "PUT", url: "/api/v1/auth/session/organisation" },
  changePassword: { method: "POST", url: "/api/v1/auth/password" },
  passwordResetRequest: { method: "POST", url: "/api/v1/auth/password-reset/request" },
  passwordResetConfirm: { method: "POST", url: "/api/v1/auth/password-reset/confirm" },
  oidcStart: { method: "GET", url: "/api/v1/auth/oidc/start" },
  oidcCallback: { method: "GET", url: "/api/v1/auth/oidc/callback" },
} as const;

export const sessionCookieName = "tremplin_session";
export const oidcCookieName = "tremplin_oidc";
export const csrfHeaderName = "x-csrf-token";
