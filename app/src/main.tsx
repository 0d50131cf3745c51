import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App.tsx";
import "./i18n/index.ts";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The service worker keeps the app shell for tablets that reopen the page
// offline. Browsers allow it only in a secure context (HTTPS or localhost).
if ("serviceWorker" in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register("./sw.js").catch(() => undefined);
}
