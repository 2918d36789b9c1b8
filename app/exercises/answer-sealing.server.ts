/** The sealing context of an exercise answer: bound to its assignment row (ADR 006). */
export const answerContext = (assignmentId: string) => `exercise-answer:${assignmentId}`;
