import { type Capability, modelVariable } from './capabilities.ts';

/** A configured model whose files are not in the models directory; says exactly what is missing and how to fix it. */
export class ModelMissingError extends Error {
  override readonly name = 'ModelMissingError';
  readonly capability: Capability;
  readonly model: string;
  readonly path: string;

  constructor(capability: Capability, model: string, path: string) {
    super(
      `The ${capability} model "${model}" is not installed: ${path} does not exist. ` +
        'Run `bishop models pull` on a machine with internet access, point BISHOP_MODELS_DIR at a prepared copy, ' +
        `or choose another model with ${modelVariable(capability)}.`,
    );
    this.capability = capability;
    this.model = model;
    this.path = path;
  }
}
