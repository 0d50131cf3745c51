// Loads the app's i18next instance (Korean by default) before each test file.
import "./i18n/index.ts";
