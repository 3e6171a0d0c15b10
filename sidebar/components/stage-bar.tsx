/** One click moves a client to another stage; the current one is shown pressed. */
import { useT } from '../i18n/locale';

export interface StageBarProps {
  stages: readonly string[];
  current: string;
  disabled: boolean;
  onStage: (stage: string) => void;
  /** The stage as the user reads it (the team's word in their language); the option itself is what is saved. */
  label?: (stage: string) => string;
}

export function StageBar({ stages, current, disabled, onStage, label = (s) => s }: StageBarProps) {
  const t = useT();
  const now = current.trim().toLowerCase();
  return (
    <div class="stages" role="group" aria-label={t.stage}>
      {stages.map((stage) => {
        const pressed = stage.toLowerCase() === now;
        return (
          <button
            key={stage}
            type="button"
            class={`stage stage-${stage.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
            aria-pressed={pressed ? 'true' : 'false'}
            disabled={disabled}
            onClick={() => !pressed && onStage(stage)}
          >
            {label(stage)}
          </button>
        );
      })}
    </div>
  );
}
