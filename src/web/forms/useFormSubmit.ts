// The submission of a form (RGAA): local checks, busy state, messages per field and the general message of the
// error summary. `attempt` counts the failed submissions: the ErrorSummary takes the focus each time it changes.
import { type FormEvent, useState } from "react";
import { type FormFailure, failureOf } from "./form-submit.domain.ts";
import { summaryOf } from "./forms.tsx";

export type Submission = {
  /** Local checks: the messages per field; any message and nothing is sent. */
  validate?: () => Record<string, string>;
  /** Sends the form (and goes on after a success). */
  send: () => Promise<void>;
  /** What an error of `send` shows (`failureOf` by default); null when the page shows it otherwise. */
  failure?: (error: unknown) => FormFailure | null;
};

/** `fields`: the name of each field → the id of its input, in the order of the error summary. */
export const useFormSubmit = (fields: Record<string, string>) => {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const fail = (failure: FormFailure) => {
    setErrors(failure.errors);
    setGeneral(failure.general);
    setAttempt((a) => a + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>, { validate, send, failure = failureOf }: Submission) => {
    event.preventDefault();
    setGeneral(null);
    const local = validate?.() ?? {};
    setErrors(local);
    if (Object.keys(local).length) {
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await send();
    } catch (error) {
      const shown = failure(error);
      if (shown) fail(shown);
    } finally {
      setBusy(false);
    }
  };

  /** A general message outside a submission (e.g. a secondary button), focused like a failed one; null clears it. */
  const showGeneral = (message: string | null) => {
    setGeneral(message);
    if (message) setAttempt((a) => a + 1);
  };

  return { errors, setErrors, busy, attempt, summary: summaryOf(errors, fields, general), submit, showGeneral };
};
