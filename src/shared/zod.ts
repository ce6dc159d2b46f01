// zod with French messages, shared by server and web.
import { z } from "zod";

z.config(z.locales.fr());

export { z };
