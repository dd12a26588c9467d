import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { OrgAuth, type OrgAuthContext } from '../../common/auth/auth-context.js';
import { RequirePermission } from '../../common/auth/require-permission.decorator.js';
import { PageQuery } from '../../common/http/page.query.js';
import { ParseIdPipe } from '../../common/http/parse-id.pipe.js';
import { AddMemberDto } from './dto/add-member.dto.js';
import { MemberPage, MemberResponse } from './dto/organization-responses.dto.js';
import { UpdateMemberDto } from './dto/update-member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('organizations')
@Controller({ path: 'organizations/:org_id/members', version: '1' })
@ApiParam({ name: 'org_id', format: 'uuid' })
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('org.member.list')
  @ApiOkResponse({ type: MemberPage })
  @ApiOperation({ summary: 'Members of the organization with their roles, newest first.' })
  list(@OrgAuth() auth: OrgAuthContext, @Query() query: PageQuery): Promise<MemberPage> {
    return this.members.list(auth, query);
  }

  @Post()
  @ApiConflictResponse({ description: 'The user is already a member.' })
  @RequirePermission('org.member.manage')
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiOperation({
    summary: 'Add a registered user with a role (only roles whose permissions the caller holds).',
  })
  add(@OrgAuth() auth: OrgAuthContext, @Body() dto: AddMemberDto): Promise<MemberResponse> {
    return this.members.add(auth, dto);
  }

  @Patch(':user_id')
  @ApiConflictResponse({ description: 'The last owner cannot be demoted.' })
  @RequirePermission('org.member.manage')
  @ApiParam({ name: 'user_id', format: 'uuid' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiOperation({ summary: 'Change a member’s role; the last owner cannot be demoted.' })
  update(
    @OrgAuth() auth: OrgAuthContext,
    @Param('user_id', ParseIdPipe) userId: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberResponse> {
    return this.members.update(auth, userId, dto);
  }

  @Delete(':user_id')
  @ApiConflictResponse({ description: 'The last owner cannot be removed.' })
  @HttpCode(204)
  @RequirePermission('org.member.manage')
  @ApiParam({ name: 'user_id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiOperation({ summary: 'Remove a member; the last owner cannot be removed.' })
  remove(@OrgAuth() auth: OrgAuthContext, @Param('user_id', ParseIdPipe) userId: string): Promise<void> {
    return this.members.remove(auth, userId);
  }
}
