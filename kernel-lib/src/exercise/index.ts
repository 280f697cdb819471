export { type Verdict, passed, failed, formatVerdict } from './Verdict';
export { type Exercise, defineExercise } from './Exercise';
export { exerciseProgress, exerciseChecklist, resetExerciseProgress } from './progress';
