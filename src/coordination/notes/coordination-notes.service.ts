import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { Role } from '../../common/enums.js';
import { ForbiddenError } from '../../common/errors.js';
import { requireText } from '../../common/validate.js';
import type { PlanEntity } from '../../plans/plan.entity.js';
import { CoordinationNoteEntity } from './coordination-note.entity.js';
import type { AddCoordinationNoteInput } from './dto/add-coordination-note.input.js';

export const MAX_NOTE_LENGTH = 5000;

/** Coordination notes: written by ADMIN and the plan's area secretariat, read by everyone who reads the plan. */
@Injectable()
export class CoordinationNotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** A plan outside the caller's scope is NOT_FOUND; a reader who may not write is FORBIDDEN. */
  async addCoordinationNote(auth: AuthUser, input: AddCoordinationNoteInput): Promise<CoordinationNoteEntity> {
    const plan = await this.access.readablePlan(auth, input.planId, 'planId');
    if (!this.mayWrite(auth, plan)) {
      throw new ForbiddenError(`Role ${auth.role} may read this plan but not write coordination notes on it (allowed: ADMIN, the plan's area secretariat)`);
    }
    const text = requireText('text', input.text, MAX_NOTE_LENGTH);
    return this.dataSource.transaction(async (m) => {
      const note = await m.save(m.create(CoordinationNoteEntity, { planId: plan.id, text, authorId: auth.id }));
      await this.audit.record(m, auth, { operation: 'addCoordinationNote', entity: 'CoordinationNote', entityId: note.id, planId: plan.id, after: note });
      return note;
    });
  }

  private mayWrite(auth: AuthUser, plan: Pick<PlanEntity, 'areaSecretariatId'>): boolean {
    if (auth.role === Role.ADMIN) return true;
    return auth.role === Role.AREA_SECRETARIAT && plan.areaSecretariatId !== null && plan.areaSecretariatId === auth.areaSecretariatId;
  }
}
