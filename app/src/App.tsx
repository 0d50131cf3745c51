import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { loadConfig } from "./admin/config.ts";
import { parseHash, roundsHash, type Route } from "./lib/route.ts";
import { Layout } from "./ui/Layout.tsx";
import { ProblemMessage } from "./ui/ProblemMessage.tsx";
import { MessageScreen, Screen } from "./ui/Screen.tsx";

// Each route is its own chunk: a tablet never downloads the admin console
// or wagmi.
const EvaluatorApp = lazy(() =>
  import("./evaluator/EvaluatorApp.tsx").then((module) => ({
    default: module.EvaluatorApp,
  })),
);
const ResultsApp = lazy(() =>
  import("./results/ResultsApp.tsx").then((module) => ({
    default: module.ResultsApp,
  })),
);
const RoundListApp = lazy(() =>
  import("./results/RoundList.tsx").then((module) => ({
    default: module.RoundListApp,
  })),
);
const AdminApp = lazy(() =>
  import("./admin/AdminApp.tsx").then((module) => ({
    default: module.AdminApp,
  })),
);

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <Layout>
      <Suspense fallback={<p className="loading">{t("app.loading")}</p>}>
        <RouteView route={route} />
      </Suspense>
    </Layout>
  );
}

function RouteView({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case "evaluator": {
      const { name: _name, inviteKey, ...locator } = route;
      return (
        <EvaluatorApp
          key={`${locator.chainId}:${locator.registry}:${locator.roundId}:${locator.seat}`}
          locator={locator}
          inviteKey={inviteKey}
        />
      );
    }
    case "results":
      return (
        <ResultsApp
          chainId={route.chainId}
          registry={route.registry}
          roundId={route.roundId}
        />
      );
    case "rounds":
      return <RoundListApp chainId={route.chainId} registry={route.registry} />;
    case "admin":
      return <AdminApp path={route.path} />;
    case "admin-signin":
      return <AdminApp path={[]} signInToken={route.token} />;
    case "invalid-link":
      return <ProblemMessage name="invalidLink" />;
    case "invalid-results-link":
      return (
        <MessageScreen
          title={t("problem.invalidResultsLinkTitle")}
          body={t("problem.invalidResultsLinkBody")}
          tone="warning"
          action={<RoundsLink />}
        />
      );
    case "home":
      return (
        <Screen title={t("app.name")}>
          <p>{t("app.home")}</p>
          <p>
            <a className="button" href="#/admin">
              {t("app.openAdmin")}
            </a>
          </p>
          <RoundsLink />
        </Screen>
      );
  }
}

/** Links the home page to the public round list of the served registry. */
function RoundsLink() {
  const { t } = useTranslation();
  const [href, setHref] = useState<string>();
  useEffect(() => {
    loadConfig().then(
      (config) => setHref(roundsHash(config.chainId, config.registry)),
      // Without config.json there is no registry to link to.
      () => setHref(undefined),
    );
  }, []);
  if (!href) return null;
  return (
    <p>
      <a className="button" href={href}>
        {t("app.openRounds")}
      </a>
    </p>
  );
}
