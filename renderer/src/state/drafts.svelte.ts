import type { Criterion, Direction, Score } from '../../../core/model';
import { readTypedNumber } from '../../../core/number-text';
import { fail, ok, type Result } from '../../../core/result';

/** The fields of the score dialog, copied from the stored score when it opens. */
export class ScoreDraft {
  value = $state('');
  rationale = $state('');
  source = $state('');

  constructor(score: Score | undefined) {
    this.value = score?.value == null ? '' : String(score.value);
    this.rationale = score?.rationale ?? '';
    this.source = score?.source ?? '';
  }

  /** What to send, or why the typed score cannot be read (nothing is sent then). */
  toInput(optionId: number, criterionId: number): Result<{ optionId: number; criterionId: number; value: number | null; rationale: string; source: string }> {
    const value = readTypedNumber(this.value);
    if (!value.ok) return fail('invalid-input', `The score: ${value.error.message}`);
    return ok({ optionId, criterionId, value: value.value, rationale: this.rationale, source: this.source });
  }
}

/** The fields of the criterion dialog. */
export class CriterionDraft {
  name = $state('');
  description = $state('');
  direction = $state<Direction>('benefit');
  min = $state('');
  max = $state('');
  minLabel = $state('');
  maxLabel = $state('');

  constructor(criterion: Criterion) {
    this.name = criterion.name;
    this.description = criterion.description;
    this.direction = criterion.direction;
    this.min = String(criterion.scale.min);
    this.max = String(criterion.scale.max);
    this.minLabel = criterion.scale.minLabel;
    this.maxLabel = criterion.scale.maxLabel;
  }

  /** What to send, or why a typed end of the scale cannot be read (nothing is sent then). */
  toInput(criterionId: number) {
    const min = readTypedNumber(this.min);
    const max = readTypedNumber(this.max);
    if (!min.ok) return fail('invalid-input', `The lowest score: ${min.error.message}`);
    if (!max.ok) return fail('invalid-input', `The highest score: ${max.error.message}`);
    if (min.value === null || max.value === null) return fail('invalid-input', 'Give the scale a lowest and a highest score.');
    return ok({
      criterionId,
      name: this.name,
      description: this.description,
      direction: this.direction,
      scale: { min: min.value, max: max.value, minLabel: this.minLabel, maxLabel: this.maxLabel },
    });
  }
}

/**
 * The text box of an "add" form (new option, criterion, decision, scenario). Once what was sent is
 * saved the box is emptied — unless the user has typed on while it was being saved, in which case
 * their new text stays.
 */
export class NewName {
  value = $state('');

  async submit(save: (name: string) => Promise<boolean>): Promise<void> {
    const sent = this.value;
    if ((await save(sent)) && this.value === sent) this.value = '';
  }
}
