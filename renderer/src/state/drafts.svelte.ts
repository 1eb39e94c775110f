import type { Criterion, Direction, Score } from '../../../core/model';

/** What a number field holds as text: '' is "no value". */
export function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

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

  toInput(optionId: number, criterionId: number) {
    return { optionId, criterionId, value: numberOrNull(this.value), rationale: this.rationale, source: this.source };
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

  toInput(criterionId: number) {
    return {
      criterionId,
      name: this.name,
      description: this.description,
      direction: this.direction,
      scale: { min: Number(this.min), max: Number(this.max), minLabel: this.minLabel, maxLabel: this.maxLabel },
    };
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
