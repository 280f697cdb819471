export { type Verdict, passed, failed, formatVerdict } from './Verdict';
export { type Exercise, defineExercise } from './Exercise';
export { exerciseProgress, exerciseChecklist, resetExerciseProgress } from './progress';
export { NB02_EXERCISES, NB02_LAYER_ORDER_APP, checkNb02LayerOrder, checkNb02PredictDiff, NB02_PREDICT_DIFF_COMMAND, nb02PredictDiffActual, checkNb02MustKnows, checkNb02SlimImage, NB02_NODE_APP, NB02_SLIM_LIMIT_BYTES, checkNb02ProductionRef, checkNb02ImageIdentity, type Nb02MustKnows, type Nb02ImageIdentity } from './nb02';
export { NB01_EXERCISES, NB01_REFERENCE_EXERCISE, nb01ReferenceParts, nb01Correlation, checkNb01ReferenceParts, checkNb01CommonLayers, checkNb01SameBase, checkNb01SizeVsLayers, type Nb01ReferenceParts, type Nb01LayerLists, type Nb01ImageStat } from './nb01';
