// Dependencies of the offers routes and jobs.
import type { AccountsDeps } from "../accounts/accounts.deps.ts";
import type { Geocoder } from "../geocoder/geocoder.types.ts";

export type OffersDeps = AccountsDeps & { geocoder: Geocoder };
