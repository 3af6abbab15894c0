/** The decision check's questions, verdicts and their URL form: plain data, for the component and its tests. */
export { allNo, answer, answersFromQuery, answersToQuery, nextStep, onPath, questions, type Answer, type Answers } from './questions'
