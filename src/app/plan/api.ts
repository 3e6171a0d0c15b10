/**
 * The plan's public surface (re-exported from src/server.ts): scheduled
 * mailings, occasions, the digest runner, contact pressure, the plan list
 * and its calendar dialog, the Due tab's count.
 */
import type { Result } from '../../core/result';
import { setNextSidebarView } from '../../gas/sidebar-view';
import { alert, showSidebar } from '../../gas/ui';
import { handle } from '../handle';
import { lastContactOf, type LastContactDto } from './contact-pressure';
import { listOccasions, removeOccasion, saveOccasionInput, type OccasionDto, type OccasionInput } from './occasions';
import { dueCount, listPlan, showPlanCalendar, type PlanDto, type PlanListInput } from './plan-list';
import { runnerStatus, startRunner, type RunnerDto } from './runner';
import { cancelSchedule, listSchedules, scheduleMailing, takeOverSchedule, type ScheduleDto, type ScheduleInput, type ScheduleOutcome } from './schedules';

export type { LastContactDto, OccasionDto, OccasionInput, PlanDto, PlanListInput, RunnerDto, ScheduleDto, ScheduleInput, ScheduleOutcome };
export type { PlanItem } from '../../core/plan/plan-item';

export function apiScheduleMailing(input: ScheduleInput): Result<ScheduleOutcome> {
  return handle(() => scheduleMailing(input));
}

export function apiListSchedules(): Result<ScheduleDto[]> {
  return handle(() => listSchedules());
}

export function apiCancelSchedule(id: string): Result<ScheduleDto> {
  return handle(() => cancelSchedule(id));
}

export function apiTakeOverSchedule(id: string): Result<ScheduleDto> {
  return handle(() => takeOverSchedule(id));
}

export function apiListOccasions(): Result<OccasionDto[]> {
  return handle(() => listOccasions());
}

export function apiSaveOccasion(input: OccasionInput): Result<OccasionDto> {
  return handle(() => saveOccasionInput(input));
}

export function apiDeleteOccasion(id: string): Result<null> {
  return handle(() => {
    removeOccasion(id);
    return null;
  });
}

export function apiRunnerStatus(): Result<RunnerDto> {
  return handle(() => runnerStatus());
}

export function apiStartRunner(): Result<RunnerDto> {
  return handle(() => startRunner());
}

export function apiLastContact(clientId: string): Result<LastContactDto | null> {
  return handle(() => lastContactOf(clientId));
}

export function apiListPlan(input?: PlanListInput): Result<PlanDto> {
  return handle(() => listPlan(input));
}

export function apiDueCount(): Result<number> {
  return handle(() => dueCount());
}

export function apiShowPlanCalendar(lang?: string): Result<null> {
  return handle(() => {
    showPlanCalendar(lang);
    return null;
  });
}

export function menuPlanCalendar(): void {
  const result = handle(() => showPlanCalendar());
  if (!result.ok) alert(result.error.message);
}

export function menuPlan(): void {
  setNextSidebarView('plan');
  showSidebar('ClientBase');
}
