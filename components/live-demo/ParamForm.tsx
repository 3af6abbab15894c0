import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { paramError } from '../../demos/client'
import type { ParamSpecs } from '../../demos/scenarios'
import { useUrlParams } from './useUrlParams'
import styles from './RunDemo.module.css'

export interface ParamFormState {
  fields: Record<string, string>
  /** Per field, what is wrong with it, once the visitor has left it or tried to run (or the URL gave it). */
  errors: Record<string, string | undefined>
  setField(name: string, value: string): void
  /** Shows the field's error, if it has one: the visitor has left it. */
  check(name: string): void
  /** The checked values, now also in the URL; or the first field's error, every error now shown. */
  submit(): { values: Record<string, number> } | { error: string }
}

/** A demo's parameters as the visitor is editing them, backed by the page's query string. */
export function useParamForm(specs: ParamSpecs): ParamFormState {
  const [params, setParams] = useUrlParams(specs)
  const [draft, setDraft] = useState<Record<string, string> | null>(null)
  // Fields whose error is shown; a value from the URL is shown checked from the start.
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set())
  const fields = draft ?? params
  const problems = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, paramError(spec, fields[name])]))
  // A value as the URL gave it, not yet edited, says what is wrong with it at once.
  const shown = (name: string) => checked.has(name) || fields[name] === params[name]
  return {
    fields,
    errors: Object.fromEntries(Object.keys(specs).map((name) => [name, shown(name) ? problems[name] : undefined])),
    setField: (name, value) => setDraft({ ...fields, [name]: value }),
    check: (name) => setChecked((last) => new Set(last).add(name)),
    submit() {
      const first = Object.values(problems).find((problem) => problem !== undefined)
      if (first) {
        setChecked(new Set(Object.keys(specs)))
        return { error: first }
      }
      const values = Object.fromEntries(Object.keys(specs).map((name) => [name, Number(fields[name])]))
      setParams(values)
      setDraft(null)
      return { values }
    },
  }
}

/** One number field per parameter, with its bounds in the label, then the demo's own button (`children`). */
export function ParamForm({
  specs,
  form,
  onSubmit,
  children,
}: {
  specs: ParamSpecs
  form: ParamFormState
  onSubmit: (event: FormEvent) => void
  children: ReactNode
}) {
  const formId = useId()
  return (
    <form className={styles.controls} onSubmit={onSubmit} noValidate>
      {Object.entries(specs).map(([name, spec]) => {
        const error = form.errors[name]
        return (
          <div key={name} className={styles.field}>
            <label htmlFor={`${formId}-${name}`}>
              {spec.label} (ms, {spec.min}-{spec.max})
            </label>
            <input
              id={`${formId}-${name}`}
              name={name}
              type="number"
              inputMode="numeric"
              min={spec.min}
              max={spec.max}
              step={1}
              value={form.fields[name] ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${formId}-${name}-error` : undefined}
              onChange={(e) => form.setField(name, e.target.value)}
              onBlur={() => form.check(name)}
            />
            {error ? (
              <p id={`${formId}-${name}-error`} className={styles.fieldError} data-testid={`error-${name}`}>
                {error}
              </p>
            ) : null}
          </div>
        )
      })}
      {children}
    </form>
  )
}
