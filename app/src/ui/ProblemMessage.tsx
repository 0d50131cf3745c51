import { useTranslation } from "react-i18next";

import { MessageScreen } from "./Screen.tsx";

/** A problem screen whose title and text are `problem.<name>Title` and `problem.<name>Body`. */
export function ProblemMessage({
  name,
  values = {},
}: {
  name: string;
  values?: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <MessageScreen
      title={t(`problem.${name}Title`)}
      body={t(`problem.${name}Body`, values)}
      tone="warning"
    />
  );
}
