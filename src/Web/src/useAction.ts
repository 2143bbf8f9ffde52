import { useMutation } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { type ApiError } from "./api";

/**
 * Runs a form's action: tracks that it is busy and keeps the API's error for the fields. An error
 * found before sending (a quantity that is not a number) is set with setError and shown the same way.
 */
export function useAction() {
  const [inputError, setInputError] = useState<ApiError | null>(null);
  const { mutate, reset, isPending, error } = useMutation({ mutationFn: (action: () => Promise<void>) => action() });
  const run = useCallback(
    (action: () => Promise<void>) => {
      setInputError(null);
      mutate(action);
    },
    [mutate],
  );
  const setError = useCallback(
    (found: ApiError | null) => {
      reset();
      setInputError(found);
    },
    [reset],
  );
  return { busy: isPending, error: inputError ?? error, setError, run };
}
