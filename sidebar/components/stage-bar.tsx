/** One click moves a client to another stage; the current one is shown pressed. */
import { useT } from '../i18n/locale';

export interface StageBarProps {
  stages: readonly string[];
  current: string;
  disabled: boolean;
  onStage: (stage: string) => void;
}

export function StageBar({ stages, current, disabled, onStage }: StageBarProps) {
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
            {stage}
          </button>
        );
      })}
    </div>
  );
}
