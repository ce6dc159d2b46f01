// Calls to the accounts, organisations and invitations API, validated by their contracts.
import {
  accountsRoutes,
  acceptedSchema,
  sessionResponseSchema,
  signInMethodsSchema,
} from "../../accounts/accounts.contract.ts";
import { invitationSchema, memberSchema, organisationSchema, organisationsRoutes } from "../../organisations/organisations.contract.ts";
import { fillPath, getJson, sendCommand, sendJson } from "../api/client.ts";
import { z } from "../../shared/zod.ts";

export const fetchSession = (signal?: AbortSignal) => getJson(accountsRoutes.session.url, sessionResponseSchema, signal);
export const fetchSignInMethods = (signal?: AbortSignal) => getJson(accountsRoutes.methods.url, signInMethodsSchema, signal);

export type SignUpInput = { email: string; password: string; name: string; kind: "candidate" | "professional" };
export const signUp = (input: SignUpInput) => sendJson("POST", accountsRoutes.signup.url, input, acceptedSchema);
export const verifyEmail = (input: { email: string; code: string }) => sendCommand("POST", accountsRoutes.verifyEmail.url, input);
export const resendCode = (email: string) => sendJson("POST", accountsRoutes.resendCode.url, { email }, acceptedSchema);
export const logIn = (input: { email: string; password: string }) => sendCommand("POST", accountsRoutes.login.url, input);
export const logOut = () => sendCommand("POST", accountsRoutes.logout.url);
export const chooseOrganisation = (organisationId: string | null) =>
  sendCommand("PUT", accountsRoutes.chooseOrganisation.url, { organisationId });
export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  sendCommand("POST", accountsRoutes.changePassword.url, input);
export const requestPasswordReset = (email: string) => sendJson("POST", accountsRoutes.passwordResetRequest.url, { email }, acceptedSchema);
export const confirmPasswordReset = (input: { token: string; password: string }) =>
  sendCommand("POST", accountsRoutes.passwordResetConfirm.url, input);

export const createOrganisation = (input: { kind: string; name: string; siret: string }) =>
  sendJson("POST", organisationsRoutes.create.url, input, organisationSchema);
export const fetchOrganisation = (id: string, signal?: AbortSignal) =>
  getJson(fillPath(organisationsRoutes.get.url, { id }), organisationSchema, signal);
export const fetchMembers = (id: string, signal?: AbortSignal) =>
  getJson(fillPath(organisationsRoutes.members.url, { id }), z.array(memberSchema), signal);
export const fetchInvitations = (id: string, signal?: AbortSignal) =>
  getJson(fillPath(organisationsRoutes.invitations.url, { id }), z.array(invitationSchema), signal);
export const invite = (id: string, input: { email: string; role: "member" | "admin" }) =>
  sendJson("POST", fillPath(organisationsRoutes.invite.url, { id }), input, invitationSchema);
export const revokeInvitation = (id: string, invitationId: string) =>
  sendCommand("DELETE", fillPath(organisationsRoutes.revokeInvitation.url, { id, invitationId }));
export const changeRole = (id: string, userId: string, role: "member" | "admin") =>
  sendCommand("PATCH", fillPath(organisationsRoutes.changeRole.url, { id, userId }), { role });
export const removeMember = (id: string, userId: string) => sendCommand("DELETE", fillPath(organisationsRoutes.removeMember.url, { id, userId }));
export const acceptInvitation = (token: string) => sendJson("POST", organisationsRoutes.acceptInvitation.url, { token }, organisationSchema);
