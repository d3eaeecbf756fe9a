import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { TokenService } from '../auth/token.service.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { Role } from '../common/enums.js';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors.js';
import { isStorableText, requireText, requireUuid } from '../common/validate.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { AreaSecretariatEntity } from '../registry/area-secretariat.entity.js';
import type { CreateUserInput } from './dto/create-user.input.js';
import { UserEntity } from './user.entity.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PLAN_ROLES = [Role.PROJECT_SECRETARIAT, Role.BOARD_MEMBER];

// Compared against when the email is unknown, so a login takes as long either way.
const NO_SUCH_USER_HASH = hashPassword('no such user');

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<{ accessToken: string; user: UserEntity }> {
    if (!isStorableText(email) || email.length > 254) throw new UnauthenticatedError('Wrong email or password');
    const user = await this.dataSource.manager.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await NO_SUCH_USER_HASH));
    if (!user || !ok) throw new UnauthenticatedError('Wrong email or password');
    return { accessToken: this.tokens.sign(user), user };
  }

  async me(auth: AuthUser): Promise<UserEntity> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: auth.id });
    if (!user) throw new UnauthenticatedError('The account behind this token no longer exists');
    return user;
  }

  async users(auth: AuthUser): Promise<UserEntity[]> {
    this.access.requireRole(auth, [Role.ADMIN], 'list users');
    return this.dataSource.manager.find(UserEntity, { order: { email: 'ASC' } });
  }

  async createUser(auth: AuthUser, input: CreateUserInput): Promise<UserEntity> {
    this.access.requireRole(auth, [Role.ADMIN], 'create users');
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw new BadInputError('email', `"${input.email}" is not an email address`);
    const name = requireText('name', input.name);
    if (input.password.length < 8) throw new BadInputError('password', 'must be at least 8 characters long');
    if (input.password.length > 200) throw new BadInputError('password', 'must be at most 200 characters long');

    let planId: string | null = null;
    let areaSecretariatId: string | null = null;
    if (PLAN_ROLES.includes(input.role)) {
      if (!input.planId) throw new BadInputError('planId', `is required for role ${input.role}`);
      planId = requireUuid(input.planId, 'Plan', 'planId');
      if (!(await this.dataSource.manager.existsBy(PlanEntity, { id: planId }))) throw new NotFoundError('Plan', input.planId, 'planId');
    } else if (input.planId) {
      throw new BadInputError('planId', `must not be given for role ${input.role}`);
    }
    if (input.role === Role.AREA_SECRETARIAT) {
      if (!input.areaSecretariatId) throw new BadInputError('areaSecretariatId', 'is required for role AREA_SECRETARIAT');
      areaSecretariatId = requireUuid(input.areaSecretariatId, 'AreaSecretariat', 'areaSecretariatId');
      if (!(await this.dataSource.manager.existsBy(AreaSecretariatEntity, { id: areaSecretariatId }))) {
        throw new NotFoundError('AreaSecretariat', input.areaSecretariatId, 'areaSecretariatId');
      }
    } else if (input.areaSecretariatId) {
      throw new BadInputError('areaSecretariatId', `must not be given for role ${input.role}`);
    }

    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const user = await m.save(m.create(UserEntity, { email, name, passwordHash, role: input.role, planId, areaSecretariatId }));
        // The password hash never enters the trail (AuditService drops it).
        await this.audit.record(m, auth, { operation: 'createUser', entity: 'User', entityId: user.id, planId: user.planId, after: user });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`email: a user with email ${email} already exists`);
      throw error;
    }
  }

  /** ADMIN_EMAIL / ADMIN_PASSWORD at start: create that ADMIN unless a user has the email already. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const normalised = email.trim().toLowerCase();
    if (await this.dataSource.manager.existsBy(UserEntity, { email: normalised })) return;
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (m) => {
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email: normalised, name: 'Administrator', passwordHash, role: Role.ADMIN })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = result.raw[0]?.id as string | undefined;
      if (id) {
        await this.audit.record(m, null, {
          operation: 'bootstrapAdmin',
          entity: 'User',
          entityId: id,
          planId: null,
          after: { email: normalised, role: Role.ADMIN },
        });
      }
    });
    this.logger.log(`Created ADMIN ${normalised}`);
  }
}
