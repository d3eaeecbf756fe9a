import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { Role } from '../common/enums.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { requireIntRange, requireText, requireUuid } from '../common/validate.js';
import { AreaSecretariatEntity } from './area-secretariat.entity.js';
import type { CreateAreaSecretariatInput } from './dto/create-area-secretariat.input.js';
import type { CreateHousingOrganisationInput } from './dto/create-housing-organisation.input.js';
import type { CreateMunicipalityInput } from './dto/create-municipality.input.js';
import type { CreatePoolInput } from './dto/create-pool.input.js';
import { FocusAreaEntity } from './focus-area.entity.js';
import { HousingOrganisationEntity } from './housing-organisation.entity.js';
import { MunicipalityEntity } from './municipality.entity.js';
import { PoolEntity } from './pool.entity.js';

const REGISTRY_EDITORS = [Role.ADMIN, Role.LBF];

/** Pools and their focus areas, municipalities, housing organisations and area secretariats. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  pools(): Promise<PoolEntity[]> {
    return this.dataSource.manager.find(PoolEntity, { order: { startYear: 'ASC', name: 'ASC' } });
  }

  municipalities(): Promise<MunicipalityEntity[]> {
    return this.dataSource.manager.find(MunicipalityEntity, { order: { code: 'ASC' } });
  }

  housingOrganisations(): Promise<HousingOrganisationEntity[]> {
    return this.dataSource.manager.find(HousingOrganisationEntity, { order: { name: 'ASC' } });
  }

  /** ADMIN and LBF: all; an area secretariat: its own; a plan's users: their plan's secretariat. */
  areaSecretariats(auth: AuthUser): Promise<AreaSecretariatEntity[]> {
    return this.readableAreaSecretariats(auth).orderBy('a.name').addOrderBy('a.id').getMany();
  }

  async areaSecretariat(auth: AuthUser, id: string): Promise<AreaSecretariatEntity> {
    const found = await this.readableAreaSecretariats(auth)
      .andWhere('a.id = :id', { id: requireUuid(id, 'AreaSecretariat') })
      .getOne();
    if (!found) throw new NotFoundError('AreaSecretariat', id);
    return found;
  }

  private readableAreaSecretariats(auth: AuthUser) {
    const qb = this.dataSource.manager.createQueryBuilder(AreaSecretariatEntity, 'a').where('TRUE');
    switch (auth.role) {
      case Role.ADMIN:
      case Role.LBF:
        break;
      case Role.AREA_SECRETARIAT:
        qb.where('a.id = :scopeAreaSecretariatId', { scopeAreaSecretariatId: auth.areaSecretariatId });
        break;
      default:
        qb.where('a.id IN (SELECT p.area_secretariat_id FROM plans p WHERE p.id = :scopePlanId)', { scopePlanId: auth.planId });
    }
    return qb;
  }

  /** A goal's or activity's focus area must belong to its plan's pool. */
  async requireFocusAreaOfPool(m: EntityManager, focusAreaId: string, poolId: string, field = 'focusAreaId'): Promise<string> {
    const id = requireUuid(focusAreaId, 'FocusArea', field);
    const focusArea = await m.findOneBy(FocusAreaEntity, { id });
    if (!focusArea) throw new NotFoundError('FocusArea', focusAreaId, field);
    if (focusArea.poolId !== poolId) {
      throw new BadInputError(field, `focus area "${focusArea.name}" belongs to another pool than the plan's`);
    }
    return id;
  }

  async createPool(auth: AuthUser, input: CreatePoolInput): Promise<PoolEntity> {
    this.access.requireRole(auth, REGISTRY_EDITORS, 'create pools');
    const name = requireText('name', input.name);
    const startYear = requireIntRange('startYear', input.startYear, 1990, 2100);
    const endYear = requireIntRange('endYear', input.endYear, 1990, 2100);
    if (endYear < startYear) throw new BadInputError('endYear', `${endYear} is before startYear ${startYear}`);
    const share = input.minCofinancingShare ?? 0.25;
    if (!Number.isFinite(share) || share < 0 || share > 1) {
      throw new BadInputError('minCofinancingShare', `must be between 0 and 1, got ${share}`);
    }
    const focusAreas = input.focusAreas.map((fa, i) => requireText(`focusAreas[${i}]`, fa));
    const seen = new Set<string>();
    focusAreas.forEach((fa, i) => {
      if (seen.has(fa.toLowerCase())) throw new BadInputError(`focusAreas[${i}]`, `"${fa}" is listed twice`);
      seen.add(fa.toLowerCase());
    });
    try {
      return await this.dataSource.transaction(async (m) => {
        const pool = await m.save(m.create(PoolEntity, { name, startYear, endYear, minCofinancingShare: share }));
        if (focusAreas.length) {
          await m.insert(
            FocusAreaEntity,
            focusAreas.map((faName, position) => ({ poolId: pool.id, name: faName, position })),
          );
        }
        await this.audit.record(m, auth, {
          operation: 'createPool',
          entity: 'Pool',
          entityId: pool.id,
          planId: null,
          after: { ...pool, focusAreas },
        });
        return pool;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`name: a pool named "${name}" already exists`);
      throw error;
    }
  }

  async createMunicipality(auth: AuthUser, input: CreateMunicipalityInput): Promise<MunicipalityEntity> {
    this.access.requireRole(auth, REGISTRY_EDITORS, 'create municipalities');
    const name = requireText('name', input.name);
    const code = input.code.trim();
    if (!/^\d{3}$/.test(code)) throw new BadInputError('code', `must be a three-digit kommunekode, got "${input.code}"`);
    try {
      return await this.dataSource.transaction(async (m) => {
        const municipality = await m.save(m.create(MunicipalityEntity, { name, code }));
        await this.audit.record(m, auth, { operation: 'createMunicipality', entity: 'Municipality', entityId: municipality.id, planId: null, after: municipality });
        return municipality;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`code: a municipality with code ${code} already exists`);
      throw error;
    }
  }

  createHousingOrganisation(auth: AuthUser, input: CreateHousingOrganisationInput): Promise<HousingOrganisationEntity> {
    return this.createNamed(auth, HousingOrganisationEntity, input.name, {
      operation: 'createHousingOrganisation',
      entity: 'HousingOrganisation',
      plural: 'housing organisations',
      singular: 'a housing organisation',
    });
  }

  createAreaSecretariat(auth: AuthUser, input: CreateAreaSecretariatInput): Promise<AreaSecretariatEntity> {
    return this.createNamed(auth, AreaSecretariatEntity, input.name, {
      operation: 'createAreaSecretariat',
      entity: 'AreaSecretariat',
      plural: 'area secretariats',
      singular: 'an area secretariat',
    });
  }

  /** A registry row that is just a unique name, with its audit row. */
  private async createNamed<T extends { id: string; name: string }>(
    auth: AuthUser,
    target: new () => T,
    rawName: string,
    what: { operation: string; entity: string; plural: string; singular: string },
  ): Promise<T> {
    this.access.requireRole(auth, REGISTRY_EDITORS, `create ${what.plural}`);
    const name = requireText('name', rawName);
    try {
      return await this.dataSource.transaction(async (m) => {
        const row = await m.save(m.create(target, { name } as T));
        await this.audit.record(m, auth, { operation: what.operation, entity: what.entity, entityId: row.id, planId: null, after: row });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`name: ${what.singular} named "${name}" already exists`);
      throw error;
    }
  }
}
