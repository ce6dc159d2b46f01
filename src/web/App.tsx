import "@codegouvfr/react-dsfr/main.css";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { Footer } from "@codegouvfr/react-dsfr/Footer";

export const App = () => (
  <>
    <Header brandTop={<>République<br />Française</>} serviceTitle="Tremplin" serviceTagline="Recrutement inclusif dans les territoires" homeLinkProps={{ href: "/", title: "Accueil — Tremplin" }} />
    <main id="contenu" className="fr-container fr-py-6w">
      <h1>Tremplin</h1>
    </main>
    <Footer accessibility="non compliant" contentDescription="Tremplin, logiciel libre du recrutement inclusif." />
  </>
);
