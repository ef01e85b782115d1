export { startTrainWorker, type TrainWorkerOptions } from './train-worker.ts';
export { type TrainerStage, trainerStages } from './training-progress.ts';
export { defaultTrainingSettings, type TrainingSettings, trainingSettingsOf } from './training-settings.ts';
