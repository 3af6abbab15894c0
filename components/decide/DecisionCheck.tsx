import { useRouter } from 'next/router'
import { useEffect, useRef, useState } from 'react'
import { answer, answersFromQuery, answersToQuery, nextStep, onPath, questions, type Answer, type Answers } from '../../demos/decide'
import { copiedUrl } from '../../links/site'
import { CopyButton } from '../ui/CopyButton'
import styles from './DecisionCheck.module.css'

const FITS_LABEL = { yes: 'Fits after()', no: 'Does not fit after()', 'within-limits': 'Fits after(), within limits' } as const

/**
 * "Does this belong in after()?": yes/no questions in order, the answers kept
 * in the URL query so a verdict can be linked, and the verdict announced in a
 * live region. The logic is demos/decide/questions.ts.
 */
export default function DecisionCheck() {
  const router = useRouter()
  const [answers, setAnswers] = useState<Answers>({})
  const loaded = useRef(false)

  // A static page has no query until the router is ready; read it once then.
  useEffect(() => {
    if (!router.isReady || loaded.current) return
    loaded.current = true
    setAnswers(answersFromQuery(router.query))
  }, [router.isReady, router.query])

  const update = (next: Answers) => {
    setAnswers(next)
    const query = answersToQuery(next)
    void router.replace({ pathname: router.pathname, query: Object.fromEntries(new URLSearchParams(query)) }, undefined, {
      shallow: true,
      scroll: false,
    })
  }

  const path = onPath(answers)
  const step = nextStep(path)
  const asked = questions.slice(0, step.kind === 'question' ? step.index + 1 : Object.keys(path).length)
  const query = answersToQuery(path)
  const link = copiedUrl(`${router.pathname}${query ? `?${query}` : ''}#check`)

  return (
    <div className={styles.check} data-testid="decision-check">
      <ol className={styles.questions}>
        {asked.map((question, index) => (
          <li key={question.id}>
            <fieldset className={styles.question}>
              <legend>
                <span className={styles.number}>{index + 1}.</span> {question.text}
              </legend>
              <p className={styles.hint} id={`hint-${question.id}`}>
                {question.hint}
              </p>
              <div className={styles.options}>
                {(['yes', 'no'] as const).map((value: Answer) => (
                  <label key={value} className={styles.option}>
                    <input
                      type="radio"
                      name={question.id}
                      value={value}
                      checked={path[question.id] === value}
                      aria-describedby={`hint-${question.id}`}
                      onChange={() => update(answer(path, question.id, value))}
                    />
                    {value === 'yes' ? 'Yes' : 'No'}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>

      <div role="status" aria-live="polite" aria-atomic="true" data-testid="verdict">
        {step.kind === 'verdict' && (
          <div className={styles.verdict} data-fits={step.verdict.fits} data-verdict={step.verdict.id}>
            <p className={styles.badge}>{FITS_LABEL[step.verdict.fits]}</p>
            <p className={styles.title}>{step.verdict.title}</p>
            <p>{step.verdict.summary}</p>
            <p>
              <a href={step.verdict.href}>Why: read the section that explains it</a>
            </p>
          </div>
        )}
      </div>

      <div className={styles.actions}>
        {step.kind === 'verdict' && <CopyButton text={link} label="Copy link to this verdict">Copy link to this verdict</CopyButton>}
        {query && (
          <button type="button" className={styles.reset} onClick={() => update({})}>
            Start over
          </button>
        )}
      </div>
    </div>
  )
}
