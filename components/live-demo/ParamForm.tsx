import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { describeRange, type ParamSpecs } from '../../demos/scenarios'
import { useUrlParams } from './useUrlParams'
import styles from './RunDemo.module.css'

export interface ParamFormState {
  fields: Record<string, string>
  setField(name: string, value: string): void
  /** The checked values, now also in the URL; or a message naming the field that is out of range. */
  submit(): { values: Record<string, number> } | { error: string }
}

/** A demo's parameters as the visitor is editing them, backed by the page's query string. */
export function useParamForm(specs: ParamSpecs): ParamFormState {
  const [params, setParams] = useUrlParams(specs)
  const [draft, setDraft] = useState<Record<string, string> | null>(null)
  const fields = draft ?? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
  return {
    fields,
    setField: (name, value) => setDraft({ ...fields, [name]: value }),
    submit() {
      const values: Record<string, number> = {}
      for (const [name, spec] of Object.entries(specs)) {
        const value = Number(fields[name])
        if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
          return { error: `${spec.label} must be ${describeRange(spec)}.` }
        }
        values[name] = value
      }
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
      {Object.entries(specs).map(([name, spec]) => (
        <label key={name} className={styles.field}>
          <span>
            {spec.label} (ms, {spec.min}-{spec.max})
          </span>
          <input
            id={`${formId}-${name}`}
            name={name}
            type="number"
            inputMode="numeric"
            min={spec.min}
            max={spec.max}
            step={1}
            value={form.fields[name] ?? ''}
            onChange={(e) => form.setField(name, e.target.value)}
          />
        </label>
      ))}
      {children}
    </form>
  )
}
