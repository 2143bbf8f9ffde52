import type { InputHTMLAttributes } from "react";
import { type ApiError } from "../api";
import { Field } from "./Field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "form" | "name" | "value" | "onChange">;

interface TextFieldProps<T extends Record<string, string>, K extends keyof T & string> extends InputProps {
  label: string;
  hint?: string;
  /** Which value of the form this input edits; also the field the API names in its refusal, after `errorPrefix`. */
  name: K;
  /** Where the API's refusal names this form's fields, e.g. "payment." for the card of a checkout. */
  errorPrefix?: string;
  form: T;
  setForm: (form: T) => void;
  error: ApiError | null;
}

/** A text input bound to one value of a form's state, labelled, with its hint and the API's message for it. */
export function TextField<T extends Record<string, string>, K extends keyof T & string>({
  label,
  hint,
  name,
  errorPrefix = "",
  form,
  setForm,
  error,
  ...input
}: TextFieldProps<T, K>) {
  return (
    <Field label={label} hint={hint} error={error?.field(errorPrefix + name)}>
      {(control) => <input {...control} {...input} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />}
    </Field>
  );
}
