import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { Link } from "./layout/router.tsx";

// DSFR components render their links with our Link: app routes navigate without reloading.
startReactDsfr({ defaultColorScheme: "system", Link });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
