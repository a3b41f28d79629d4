-- CreateTable
CREATE TABLE "HotlineTicket" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "topic" TEXT NOT NULL,
    "schoolId" INTEGER,
    "municipalityId" INTEGER,
    "grade" INTEGER,
    "anonymous" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "assigneeId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "waitingSince" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "rating" INTEGER,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "changeSeq" INTEGER NOT NULL DEFAULT 0,
    "plannedSeq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HotlineTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HotlineMessage" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" INTEGER,
    "chatId" BIGINT,
    "messageId" INTEGER,
    "writtenInGeneration" INTEGER,
    "text" TEXT,
    "media" TEXT NOT NULL,
    "event" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HotlineMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HotlineDelivery" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "destination" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,
    "checkedAt" TIMESTAMP(3),

    CONSTRAINT "HotlineDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HotlineTopic" (
    "id" SERIAL NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "threadId" INTEGER,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "HotlineTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HotlineStaffGroup" (
    "chatId" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "municipalityId" INTEGER,
    "linkedById" INTEGER NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HotlineStaffGroup_pkey" PRIMARY KEY ("chatId")
);

-- CreateTable
CREATE TABLE "FaqEntry" (
    "id" SERIAL NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "sourceTicketId" INTEGER,
    "createdById" INTEGER,
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "FaqEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqHelp" (
    "id" SERIAL NOT NULL,
    "faqIds" INTEGER[],
    "municipalityId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqHelp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParentSubscription" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "grade" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParentSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" SERIAL NOT NULL,
    "authorId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "grade" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enqueued" INTEGER NOT NULL DEFAULT 0,
    "enqueuedAt" TIMESTAMP(3),

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HotlineTicket_status_idx" ON "HotlineTicket"("status");

-- CreateIndex
CREATE INDEX "HotlineTicket_userId_idx" ON "HotlineTicket"("userId");

-- CreateIndex
CREATE INDEX "HotlineTicket_createdAt_idx" ON "HotlineTicket"("createdAt");

-- CreateIndex
CREATE INDEX "HotlineMessage_ticketId_idx" ON "HotlineMessage"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "HotlineMessage_chatId_messageId_key" ON "HotlineMessage"("chatId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "HotlineDelivery_outboxId_key" ON "HotlineDelivery"("outboxId");

-- CreateIndex
CREATE INDEX "HotlineDelivery_ticketId_idx" ON "HotlineDelivery"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "HotlineDelivery_messageId_destination_part_key" ON "HotlineDelivery"("messageId", "destination", "part");

-- CreateIndex
CREATE UNIQUE INDEX "HotlineTopic_ticketId_generation_key" ON "HotlineTopic"("ticketId", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "HotlineTopic_chatId_threadId_key" ON "HotlineTopic"("chatId", "threadId");

-- CreateIndex
CREATE INDEX "ParentSubscription_schoolId_grade_idx" ON "ParentSubscription"("schoolId", "grade");

-- CreateIndex
CREATE UNIQUE INDEX "ParentSubscription_userId_schoolId_grade_key" ON "ParentSubscription"("userId", "schoolId", "grade");

-- AddForeignKey
ALTER TABLE "HotlineMessage" ADD CONSTRAINT "HotlineMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "HotlineTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HotlineTopic" ADD CONSTRAINT "HotlineTopic_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "HotlineTicket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
