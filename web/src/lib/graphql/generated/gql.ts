/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment SessionFields on Session {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      email\n      fullName\n    }\n  }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      position\n    }\n  }\n": typeof types.DeleteAccountDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      fullName\n      registeredAt\n      apiTokens {\n        id\n        name\n        issuedAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.ProfileDocument,
    "\n  mutation UpdateProfile($fullName: String!) {\n    updateProfile(fullName: $fullName) {\n      position\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation IssueApiToken($name: String!) {\n    issueApiToken(name: $name) {\n      secret\n      position\n      token {\n        id\n        name\n      }\n    }\n  }\n": typeof types.IssueApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      position\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {\n    changeEmail(currentPassword: $currentPassword, newEmail: $newEmail) {\n      position\n    }\n  }\n": typeof types.ChangeEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  fragment AvatarSummary on Avatar {\n    id\n    name\n    status\n    createdAt\n    updatedAt\n    activePersonaVersion\n  }\n": typeof types.AvatarSummaryFragmentDoc,
    "\n  query AvatarList($after: String) {\n    avatars(first: 50, after: $after) {\n      nodes {\n        ...AvatarSummary\n        materials {\n          id\n        }\n        chats(first: 1) {\n          nodes {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AvatarListDocument,
    "\n  query AvatarOverview($id: ID!) {\n    avatar(id: $id) {\n      ...AvatarSummary\n      personaCard {\n        description\n        personality\n        scenario\n        instructions\n        gender\n        languages\n      }\n      materials {\n        id\n      }\n      voice {\n        sample {\n          id\n          state\n        }\n      }\n      chats(first: 100) {\n        nodes {\n          id\n        }\n      }\n      personaVersions {\n        version\n      }\n    }\n  }\n": typeof types.AvatarOverviewDocument,
    "\n  mutation CreateAvatar($name: String!, $clientMutationId: ID) {\n    createAvatar(name: $name, clientMutationId: $clientMutationId) {\n      avatarId\n      position\n    }\n  }\n": typeof types.CreateAvatarDocument,
    "\n  mutation RenameAvatar($id: ID!, $name: String!) {\n    renameAvatar(id: $id, name: $name) {\n      position\n      avatar {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RenameAvatarDocument,
    "\n  mutation EditPersonaCard($id: ID!, $card: PersonaCardInput!) {\n    editPersonaCard(id: $id, card: $card) {\n      position\n    }\n  }\n": typeof types.EditPersonaCardDocument,
    "\n  mutation DeleteAvatar($id: ID!, $confirmName: String!) {\n    deleteAvatar(id: $id, confirmName: $confirmName) {\n      position\n    }\n  }\n": typeof types.DeleteAvatarDocument,
    "\n  subscription AvatarChanged($avatarId: ID) {\n    avatarChanged(avatarId: $avatarId) {\n      position\n      avatar {\n        ...AvatarSummary\n      }\n    }\n  }\n": typeof types.AvatarChangedDocument,
    "\n  fragment BlindTestRoundFields on BlindTestRound {\n    personaVersion\n    pairs {\n      index\n      message\n      options {\n        id\n        text\n      }\n    }\n  }\n": typeof types.BlindTestRoundFieldsFragmentDoc,
    "\n  fragment BlindTestScoreFields on BlindTestScore {\n    personaVersion\n    guesses\n    correct\n    accuracy\n  }\n": typeof types.BlindTestScoreFieldsFragmentDoc,
    "\n  query BlindTestPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      blindTest {\n        ...BlindTestRoundFields\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n      blindTestInvites {\n        id\n        createdAt\n        expiresAt\n        revokedAt\n        open\n        guesses\n      }\n    }\n  }\n": typeof types.BlindTestPageDocument,
    "\n  mutation GuessBlindTest($avatarId: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {\n    guessBlindTest(avatarId: $avatarId, personaVersion: $personaVersion, pairIndex: $pairIndex, optionId: $optionId) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n": typeof types.GuessBlindTestDocument,
    "\n  mutation CreateBlindTestInvite($avatarId: ID!, $days: Int!) {\n    createBlindTestInvite(avatarId: $avatarId, days: $days) {\n      token\n      invite {\n        id\n      }\n      position\n    }\n  }\n": typeof types.CreateBlindTestInviteDocument,
    "\n  mutation RevokeBlindTestInvite($avatarId: ID!, $inviteId: ID!) {\n    revokeBlindTestInvite(avatarId: $avatarId, inviteId: $inviteId) {\n      position\n    }\n  }\n": typeof types.RevokeBlindTestInviteDocument,
    "\n  query InvitedBlindTest($token: String!) {\n    invitedBlindTest(token: $token) {\n      ...BlindTestRoundFields\n    }\n  }\n": typeof types.InvitedBlindTestDocument,
    "\n  mutation GuessInvitedBlindTest(\n    $token: String!\n    $guesser: ID!\n    $personaVersion: Int!\n    $pairIndex: Int!\n    $optionId: ID!\n  ) {\n    guessInvitedBlindTest(\n      token: $token\n      guesser: $guesser\n      personaVersion: $personaVersion\n      pairIndex: $pairIndex\n      optionId: $optionId\n    ) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n": typeof types.GuessInvitedBlindTestDocument,
    "\n  fragment ReplyFields on Reply {\n    id\n    text\n    personaVersion\n    latencyMs\n    model\n    closeness\n    lowConfidence\n    rating\n    repliedAt\n    cut {\n      heardSec\n      spokenSec\n      heardText\n    }\n    sources {\n      id\n      kind\n      text\n      prompt\n      startSec\n      saidAt\n      material {\n        id\n        fileName\n        uploadedAt\n      }\n    }\n    dub {\n      state\n      audioUrl\n      durationSec\n      voice\n      madeUnderWithdrawnConsent\n      failure {\n        code\n        reason\n      }\n    }\n  }\n": typeof types.ReplyFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    chatId\n    kind\n    text\n    sentAt\n    editedAt\n    deletedAt\n    replyState\n    voice {\n      transcriptState\n      audioUrl\n      durationSec\n      language\n      callId\n      segments {\n        startSec\n        endSec\n        text\n      }\n    }\n    failure {\n      code\n      reason\n    }\n    reply {\n      ...ReplyFields\n    }\n    replies {\n      id\n    }\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment MessagePageFields on MessageConnection {\n    nodes {\n      ...MessageFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.MessagePageFieldsFragmentDoc,
    "\n  query ChatList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      chats(first: 100) {\n        nodes {\n          id\n          title\n          untitled\n          status\n          personaVersion\n          createdAt\n          messageCount\n          lastMessageAt\n        }\n      }\n    }\n  }\n": typeof types.ChatListDocument,
    "\n  query ChatView($chatId: ID!) {\n    chat(id: $chatId) {\n      id\n      title\n      untitled\n      status\n      personaVersion\n      messageCount\n      # The newest 50: a message with its reply, sources and voice costs ~58 points, and 100 of them passed the\n      # gateway's limit of 5000 (gateways/test/web-operations-cost.test.ts).\n      messages(first: 50, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n": typeof types.ChatViewDocument,
    "\n  query ChatEarlierMessages($chatId: ID!, $after: String!) {\n    chat(id: $chatId) {\n      id\n      messages(first: 50, after: $after, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n": typeof types.ChatEarlierMessagesDocument,
    "\n  mutation OpenChat($avatarId: ID!, $title: String, $personaVersion: Int, $clientMutationId: ID) {\n    openChat(avatarId: $avatarId, title: $title, personaVersion: $personaVersion, clientMutationId: $clientMutationId) {\n      chatId\n      position\n    }\n  }\n": typeof types.OpenChatDocument,
    "\n  mutation RenameChat($id: ID!, $title: String!) {\n    renameChat(id: $id, title: $title) {\n      position\n    }\n  }\n": typeof types.RenameChatDocument,
    "\n  mutation DeleteChat($id: ID!) {\n    deleteChat(id: $id) {\n      position\n    }\n  }\n": typeof types.DeleteChatDocument,
    "\n  mutation SendMessage($chatId: ID!, $text: String!, $clientMutationId: ID) {\n    sendMessage(chatId: $chatId, text: $text, clientMutationId: $clientMutationId) {\n      messageId\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation CancelReply($chatId: ID!, $messageId: ID!) {\n    cancelReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": typeof types.CancelReplyDocument,
    "\n  subscription ReplyTokens($chatId: ID!) {\n    replyTokens(chatId: $chatId) {\n      messageId\n      index\n      text\n      done\n    }\n  }\n": typeof types.ReplyTokensDocument,
    "\n  subscription MessageChanged($chatId: ID!) {\n    messageChanged(chatId: $chatId) {\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": typeof types.MessageChangedDocument,
    "\n  mutation RegenerateReply($chatId: ID!, $messageId: ID!) {\n    regenerateReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": typeof types.RegenerateReplyDocument,
    "\n  mutation ChooseReply($chatId: ID!, $messageId: ID!, $replyId: ID!) {\n    chooseReply(chatId: $chatId, messageId: $messageId, replyId: $replyId) {\n      position\n    }\n  }\n": typeof types.ChooseReplyDocument,
    "\n  mutation RateReply($chatId: ID!, $replyId: ID!, $rating: Rating) {\n    rateReply(chatId: $chatId, replyId: $replyId, rating: $rating) {\n      position\n    }\n  }\n": typeof types.RateReplyDocument,
    "\n  mutation EditMessage($chatId: ID!, $messageId: ID!, $text: String!) {\n    editMessage(chatId: $chatId, messageId: $messageId, text: $text) {\n      position\n    }\n  }\n": typeof types.EditMessageDocument,
    "\n  mutation DeleteMessage($chatId: ID!, $messageId: ID!) {\n    deleteMessage(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": typeof types.DeleteMessageDocument,
    "\n  query SearchChats($avatarId: ID!, $text: String!) {\n    searchChats(avatarId: $avatarId, text: $text, first: 50) {\n      chatId\n      chatTitle\n      message {\n        id\n        text\n        sentAt\n        reply {\n          id\n          text\n        }\n      }\n    }\n  }\n": typeof types.SearchChatsDocument,
    "\n  query Timeline($avatarId: ID!, $after: String, $kinds: [TimelineKind!]) {\n    avatar(id: $avatarId) {\n      id\n      chainHead {\n        hash\n        revision\n      }\n      materials(includeRemoved: true) {\n        id\n        fileName\n      }\n      timeline(first: 50, after: $after, kinds: $kinds) {\n        nodes {\n          position\n          type\n          kind\n          actor\n          occurredAt\n          summary\n          chatId\n          details\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.TimelineDocument,
    "\n  fragment MaterialFields on Material {\n    id\n    fileName\n    mediaType\n    kind\n    sizeBytes\n    state\n    failure {\n      code\n      reason\n    }\n    decoded {\n      durationSec\n      channels\n      sampleRate\n    }\n    uploadedAt\n    updatedAt\n    charCount\n    durationSec\n    language\n    preview\n    participants\n    chosenParticipant\n    chosenParticipants\n    chat {\n      firstMessageAt\n      lastMessageAt\n      timeZoneKnown\n      participants {\n        name\n        messageCount\n        firstMessageAt\n        lastMessageAt\n      }\n    }\n    notes\n    downloadUrl\n    removed\n  }\n": typeof types.MaterialFieldsFragmentDoc,
    "\n  query MaterialList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      materials {\n        ...MaterialFields\n      }\n    }\n  }\n": typeof types.MaterialListDocument,
    "\n  query MaterialDetail($avatarId: ID!, $materialId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      material(id: $materialId) {\n        ...MaterialFields\n        text(maxChars: 20000)\n        speakers {\n          sampleId\n          threshold\n          personSpeechSec\n          otherSpeechSec\n          failure {\n            code\n            reason\n          }\n        }\n        segments(first: 500) {\n          startSec\n          endSec\n          text\n          speakerSimilarity\n          isPerson\n        }\n      }\n    }\n  }\n": typeof types.MaterialDetailDocument,
    "\n  mutation RemoveMaterial($avatarId: ID!, $materialId: ID!) {\n    removeMaterial(avatarId: $avatarId, materialId: $materialId) {\n      position\n    }\n  }\n": typeof types.RemoveMaterialDocument,
    "\n  mutation ChooseChatParticipant($avatarId: ID!, $materialId: ID!, $participants: [String!]!) {\n    chooseChatParticipant(avatarId: $avatarId, materialId: $materialId, participants: $participants) {\n      position\n    }\n  }\n": typeof types.ChooseChatParticipantDocument,
    "\n  subscription MaterialChanged($avatarId: ID!) {\n    materialChanged(avatarId: $avatarId) {\n      position\n      material {\n        ...MaterialFields\n      }\n    }\n  }\n": typeof types.MaterialChangedDocument,
    "\n  query ServiceStatus {\n    status {\n      ready\n      parts {\n        name\n        ok\n        detail\n      }\n      passwordResetByEmail\n    }\n  }\n": typeof types.ServiceStatusDocument,
    "\n  fragment TestReportFields on TestReport {\n    runId\n    personaVersion\n    status\n    startedAt\n    createdAt\n    verdict\n    verdictAgainst\n    scoresCapped\n    worse\n    headline\n    heldOutPairs\n    pairsTested\n    notes\n    overall {\n      replies\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      lift\n      liftLow\n      liftHigh\n      n\n    }\n    comparedWith {\n      personaVersion\n      overall\n      lift\n      liftLow\n      liftHigh\n    }\n    metrics {\n      metric\n      replies\n      measured\n      reason\n      onScale\n      unit\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      newVersionOutside {\n        belowFloor\n        aboveCeiling\n      }\n      lift\n      liftLow\n      liftHigh\n      n\n      quality\n      qualityNote\n    }\n    examples {\n      message\n      real\n      newVersion\n      baseline\n    }\n  }\n": typeof types.TestReportFieldsFragmentDoc,
    "\n  fragment RunFields on TrainingRun {\n    id\n    status\n    stage\n    percent\n    etaSeconds\n    startedAt\n    finishedAt\n    settings\n    personaVersion\n    stats\n    failure {\n      code\n      reason\n    }\n    materials {\n      id\n      fileName\n      kind\n    }\n    testReport {\n      personaVersion\n      status\n      verdict\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  query TrainingPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      materials {\n        id\n        state\n      }\n      currentTraining {\n        ...RunFields\n      }\n      trainingRuns(first: 50) {\n        nodes {\n          ...RunFields\n        }\n      }\n      personaVersions {\n        ...VersionVerdictFields\n      }\n    }\n  }\n": typeof types.TrainingPageDocument,
    "\n  fragment VersionVerdictFields on PersonaVersion {\n    version\n    runId\n    createdAt\n    active\n    stats\n    materialsUsed {\n      materialId\n      fileName\n    }\n    testReport {\n      status\n      verdict\n      verdictAgainst\n      overall {\n        newVersion\n      }\n      comparedWith {\n        personaVersion\n      }\n    }\n  }\n": typeof types.VersionVerdictFieldsFragmentDoc,
    "\n  mutation StartTraining($avatarId: ID!, $settings: JSON, $clientMutationId: ID) {\n    startTraining(avatarId: $avatarId, settings: $settings, clientMutationId: $clientMutationId) {\n      runId\n      position\n    }\n  }\n": typeof types.StartTrainingDocument,
    "\n  mutation StopTraining($avatarId: ID!, $runId: ID!) {\n    stopTraining(avatarId: $avatarId, runId: $runId) {\n      position\n    }\n  }\n": typeof types.StopTrainingDocument,
    "\n  mutation ActivatePersonaVersion($avatarId: ID!, $version: Int!) {\n    activatePersonaVersion(avatarId: $avatarId, version: $version) {\n      position\n    }\n  }\n": typeof types.ActivatePersonaVersionDocument,
    "\n  subscription TrainingChanged($avatarId: ID!) {\n    trainingChanged(avatarId: $avatarId) {\n      position\n      run {\n        ...RunFields\n      }\n    }\n  }\n": typeof types.TrainingChangedDocument,
    "\n  subscription TestChanged($avatarId: ID!) {\n    testChanged(avatarId: $avatarId) {\n      position\n      progress {\n        step\n        percent\n      }\n      report {\n        ...TestReportFields\n      }\n    }\n  }\n": typeof types.TestChangedDocument,
    "\n  query TestReports($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      testReports {\n        ...TestReportFields\n      }\n      replyFeedback {\n        personaVersion\n        up\n        down\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n    }\n  }\n": typeof types.TestReportsDocument,
    "\n  query PersonaVersionPage($avatarId: ID!, $version: Int!) {\n    avatar(id: $avatarId) {\n      id\n      personaVersion(version: $version) {\n        version\n        runId\n        createdAt\n        active\n        styleProfile\n        embedder\n        card {\n          description\n          personality\n          scenario\n          instructions\n          gender\n          languages\n        }\n        materialsUsed {\n          materialId\n          fileName\n          kind\n          participant\n          passages\n          pairs\n        }\n        testReport {\n          ...TestReportFields\n        }\n      }\n    }\n  }\n": typeof types.PersonaVersionPageDocument,
    "\n  fragment VoiceSampleFields on VoiceSample {\n    id\n    state\n    durationSec\n    loudnessLufs\n    speakerConsistency\n    failure {\n      code\n      reason\n    }\n    submittedAt\n    audioUrl\n    active\n    replacesActive\n    fileName\n    segment {\n      materialId\n      startSec\n      endSec\n    }\n    preview {\n      id\n      text\n      state\n      audioUrl\n      durationSec\n      voice\n      failure {\n        code\n        reason\n      }\n      requestedAt\n    }\n  }\n": typeof types.VoiceSampleFieldsFragmentDoc,
    "\n  fragment VoiceFields on Voice {\n    consent {\n      basis\n      personName\n      consentGivenOn\n      statement\n      recordedAt\n    }\n    consentWithdrawnAt\n    activeSampleId\n    samples {\n      ...VoiceSampleFields\n    }\n  }\n": typeof types.VoiceFieldsFragmentDoc,
    "\n  query VoicePage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      name\n      voice {\n        ...VoiceFields\n      }\n      materials {\n        id\n        fileName\n        kind\n        state\n        durationSec\n        downloadUrl\n      }\n    }\n  }\n": typeof types.VoicePageDocument,
    "\n  mutation RecordVoiceConsent($avatarId: ID!, $consent: VoiceConsentInput!) {\n    recordVoiceConsent(avatarId: $avatarId, consent: $consent) {\n      position\n    }\n  }\n": typeof types.RecordVoiceConsentDocument,
    "\n  mutation CutVoiceSample(\n    $avatarId: ID!\n    $materialId: ID!\n    $startSec: Float!\n    $endSec: Float!\n    $replacesActive: Boolean\n  ) {\n    cutVoiceSample(\n      avatarId: $avatarId\n      materialId: $materialId\n      startSec: $startSec\n      endSec: $endSec\n      replacesActive: $replacesActive\n    ) {\n      position\n    }\n  }\n": typeof types.CutVoiceSampleDocument,
    "\n  mutation WithdrawVoiceConsent($avatarId: ID!) {\n    withdrawVoiceConsent(avatarId: $avatarId) {\n      position\n    }\n  }\n": typeof types.WithdrawVoiceConsentDocument,
    "\n  mutation ActivateVoiceSample($avatarId: ID!, $sampleId: ID!) {\n    activateVoiceSample(avatarId: $avatarId, sampleId: $sampleId) {\n      position\n    }\n  }\n": typeof types.ActivateVoiceSampleDocument,
    "\n  mutation PreviewVoice($avatarId: ID!, $sampleId: ID!, $text: String!) {\n    previewVoice(avatarId: $avatarId, sampleId: $sampleId, text: $text) {\n      position\n    }\n  }\n": typeof types.PreviewVoiceDocument,
};
const documents: Documents = {
    "\n  fragment SessionFields on Session {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      email\n      fullName\n    }\n  }\n": types.SessionFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n": types.LogInDocument,
    "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      position\n    }\n  }\n": types.DeleteAccountDocument,
    "\n  query Profile {\n    me {\n      id\n      email\n      fullName\n      registeredAt\n      apiTokens {\n        id\n        name\n        issuedAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.ProfileDocument,
    "\n  mutation UpdateProfile($fullName: String!) {\n    updateProfile(fullName: $fullName) {\n      position\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation IssueApiToken($name: String!) {\n    issueApiToken(name: $name) {\n      secret\n      position\n      token {\n        id\n        name\n      }\n    }\n  }\n": types.IssueApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      position\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {\n    changeEmail(currentPassword: $currentPassword, newEmail: $newEmail) {\n      position\n    }\n  }\n": types.ChangeEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  fragment AvatarSummary on Avatar {\n    id\n    name\n    status\n    createdAt\n    updatedAt\n    activePersonaVersion\n  }\n": types.AvatarSummaryFragmentDoc,
    "\n  query AvatarList($after: String) {\n    avatars(first: 50, after: $after) {\n      nodes {\n        ...AvatarSummary\n        materials {\n          id\n        }\n        chats(first: 1) {\n          nodes {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AvatarListDocument,
    "\n  query AvatarOverview($id: ID!) {\n    avatar(id: $id) {\n      ...AvatarSummary\n      personaCard {\n        description\n        personality\n        scenario\n        instructions\n        gender\n        languages\n      }\n      materials {\n        id\n      }\n      voice {\n        sample {\n          id\n          state\n        }\n      }\n      chats(first: 100) {\n        nodes {\n          id\n        }\n      }\n      personaVersions {\n        version\n      }\n    }\n  }\n": types.AvatarOverviewDocument,
    "\n  mutation CreateAvatar($name: String!, $clientMutationId: ID) {\n    createAvatar(name: $name, clientMutationId: $clientMutationId) {\n      avatarId\n      position\n    }\n  }\n": types.CreateAvatarDocument,
    "\n  mutation RenameAvatar($id: ID!, $name: String!) {\n    renameAvatar(id: $id, name: $name) {\n      position\n      avatar {\n        id\n        name\n      }\n    }\n  }\n": types.RenameAvatarDocument,
    "\n  mutation EditPersonaCard($id: ID!, $card: PersonaCardInput!) {\n    editPersonaCard(id: $id, card: $card) {\n      position\n    }\n  }\n": types.EditPersonaCardDocument,
    "\n  mutation DeleteAvatar($id: ID!, $confirmName: String!) {\n    deleteAvatar(id: $id, confirmName: $confirmName) {\n      position\n    }\n  }\n": types.DeleteAvatarDocument,
    "\n  subscription AvatarChanged($avatarId: ID) {\n    avatarChanged(avatarId: $avatarId) {\n      position\n      avatar {\n        ...AvatarSummary\n      }\n    }\n  }\n": types.AvatarChangedDocument,
    "\n  fragment BlindTestRoundFields on BlindTestRound {\n    personaVersion\n    pairs {\n      index\n      message\n      options {\n        id\n        text\n      }\n    }\n  }\n": types.BlindTestRoundFieldsFragmentDoc,
    "\n  fragment BlindTestScoreFields on BlindTestScore {\n    personaVersion\n    guesses\n    correct\n    accuracy\n  }\n": types.BlindTestScoreFieldsFragmentDoc,
    "\n  query BlindTestPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      blindTest {\n        ...BlindTestRoundFields\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n      blindTestInvites {\n        id\n        createdAt\n        expiresAt\n        revokedAt\n        open\n        guesses\n      }\n    }\n  }\n": types.BlindTestPageDocument,
    "\n  mutation GuessBlindTest($avatarId: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {\n    guessBlindTest(avatarId: $avatarId, personaVersion: $personaVersion, pairIndex: $pairIndex, optionId: $optionId) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n": types.GuessBlindTestDocument,
    "\n  mutation CreateBlindTestInvite($avatarId: ID!, $days: Int!) {\n    createBlindTestInvite(avatarId: $avatarId, days: $days) {\n      token\n      invite {\n        id\n      }\n      position\n    }\n  }\n": types.CreateBlindTestInviteDocument,
    "\n  mutation RevokeBlindTestInvite($avatarId: ID!, $inviteId: ID!) {\n    revokeBlindTestInvite(avatarId: $avatarId, inviteId: $inviteId) {\n      position\n    }\n  }\n": types.RevokeBlindTestInviteDocument,
    "\n  query InvitedBlindTest($token: String!) {\n    invitedBlindTest(token: $token) {\n      ...BlindTestRoundFields\n    }\n  }\n": types.InvitedBlindTestDocument,
    "\n  mutation GuessInvitedBlindTest(\n    $token: String!\n    $guesser: ID!\n    $personaVersion: Int!\n    $pairIndex: Int!\n    $optionId: ID!\n  ) {\n    guessInvitedBlindTest(\n      token: $token\n      guesser: $guesser\n      personaVersion: $personaVersion\n      pairIndex: $pairIndex\n      optionId: $optionId\n    ) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n": types.GuessInvitedBlindTestDocument,
    "\n  fragment ReplyFields on Reply {\n    id\n    text\n    personaVersion\n    latencyMs\n    model\n    closeness\n    lowConfidence\n    rating\n    repliedAt\n    cut {\n      heardSec\n      spokenSec\n      heardText\n    }\n    sources {\n      id\n      kind\n      text\n      prompt\n      startSec\n      saidAt\n      material {\n        id\n        fileName\n        uploadedAt\n      }\n    }\n    dub {\n      state\n      audioUrl\n      durationSec\n      voice\n      madeUnderWithdrawnConsent\n      failure {\n        code\n        reason\n      }\n    }\n  }\n": types.ReplyFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    chatId\n    kind\n    text\n    sentAt\n    editedAt\n    deletedAt\n    replyState\n    voice {\n      transcriptState\n      audioUrl\n      durationSec\n      language\n      callId\n      segments {\n        startSec\n        endSec\n        text\n      }\n    }\n    failure {\n      code\n      reason\n    }\n    reply {\n      ...ReplyFields\n    }\n    replies {\n      id\n    }\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment MessagePageFields on MessageConnection {\n    nodes {\n      ...MessageFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.MessagePageFieldsFragmentDoc,
    "\n  query ChatList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      chats(first: 100) {\n        nodes {\n          id\n          title\n          untitled\n          status\n          personaVersion\n          createdAt\n          messageCount\n          lastMessageAt\n        }\n      }\n    }\n  }\n": types.ChatListDocument,
    "\n  query ChatView($chatId: ID!) {\n    chat(id: $chatId) {\n      id\n      title\n      untitled\n      status\n      personaVersion\n      messageCount\n      # The newest 50: a message with its reply, sources and voice costs ~58 points, and 100 of them passed the\n      # gateway's limit of 5000 (gateways/test/web-operations-cost.test.ts).\n      messages(first: 50, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n": types.ChatViewDocument,
    "\n  query ChatEarlierMessages($chatId: ID!, $after: String!) {\n    chat(id: $chatId) {\n      id\n      messages(first: 50, after: $after, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n": types.ChatEarlierMessagesDocument,
    "\n  mutation OpenChat($avatarId: ID!, $title: String, $personaVersion: Int, $clientMutationId: ID) {\n    openChat(avatarId: $avatarId, title: $title, personaVersion: $personaVersion, clientMutationId: $clientMutationId) {\n      chatId\n      position\n    }\n  }\n": types.OpenChatDocument,
    "\n  mutation RenameChat($id: ID!, $title: String!) {\n    renameChat(id: $id, title: $title) {\n      position\n    }\n  }\n": types.RenameChatDocument,
    "\n  mutation DeleteChat($id: ID!) {\n    deleteChat(id: $id) {\n      position\n    }\n  }\n": types.DeleteChatDocument,
    "\n  mutation SendMessage($chatId: ID!, $text: String!, $clientMutationId: ID) {\n    sendMessage(chatId: $chatId, text: $text, clientMutationId: $clientMutationId) {\n      messageId\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation CancelReply($chatId: ID!, $messageId: ID!) {\n    cancelReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": types.CancelReplyDocument,
    "\n  subscription ReplyTokens($chatId: ID!) {\n    replyTokens(chatId: $chatId) {\n      messageId\n      index\n      text\n      done\n    }\n  }\n": types.ReplyTokensDocument,
    "\n  subscription MessageChanged($chatId: ID!) {\n    messageChanged(chatId: $chatId) {\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n": types.MessageChangedDocument,
    "\n  mutation RegenerateReply($chatId: ID!, $messageId: ID!) {\n    regenerateReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": types.RegenerateReplyDocument,
    "\n  mutation ChooseReply($chatId: ID!, $messageId: ID!, $replyId: ID!) {\n    chooseReply(chatId: $chatId, messageId: $messageId, replyId: $replyId) {\n      position\n    }\n  }\n": types.ChooseReplyDocument,
    "\n  mutation RateReply($chatId: ID!, $replyId: ID!, $rating: Rating) {\n    rateReply(chatId: $chatId, replyId: $replyId, rating: $rating) {\n      position\n    }\n  }\n": types.RateReplyDocument,
    "\n  mutation EditMessage($chatId: ID!, $messageId: ID!, $text: String!) {\n    editMessage(chatId: $chatId, messageId: $messageId, text: $text) {\n      position\n    }\n  }\n": types.EditMessageDocument,
    "\n  mutation DeleteMessage($chatId: ID!, $messageId: ID!) {\n    deleteMessage(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n": types.DeleteMessageDocument,
    "\n  query SearchChats($avatarId: ID!, $text: String!) {\n    searchChats(avatarId: $avatarId, text: $text, first: 50) {\n      chatId\n      chatTitle\n      message {\n        id\n        text\n        sentAt\n        reply {\n          id\n          text\n        }\n      }\n    }\n  }\n": types.SearchChatsDocument,
    "\n  query Timeline($avatarId: ID!, $after: String, $kinds: [TimelineKind!]) {\n    avatar(id: $avatarId) {\n      id\n      chainHead {\n        hash\n        revision\n      }\n      materials(includeRemoved: true) {\n        id\n        fileName\n      }\n      timeline(first: 50, after: $after, kinds: $kinds) {\n        nodes {\n          position\n          type\n          kind\n          actor\n          occurredAt\n          summary\n          chatId\n          details\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.TimelineDocument,
    "\n  fragment MaterialFields on Material {\n    id\n    fileName\n    mediaType\n    kind\n    sizeBytes\n    state\n    failure {\n      code\n      reason\n    }\n    decoded {\n      durationSec\n      channels\n      sampleRate\n    }\n    uploadedAt\n    updatedAt\n    charCount\n    durationSec\n    language\n    preview\n    participants\n    chosenParticipant\n    chosenParticipants\n    chat {\n      firstMessageAt\n      lastMessageAt\n      timeZoneKnown\n      participants {\n        name\n        messageCount\n        firstMessageAt\n        lastMessageAt\n      }\n    }\n    notes\n    downloadUrl\n    removed\n  }\n": types.MaterialFieldsFragmentDoc,
    "\n  query MaterialList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      materials {\n        ...MaterialFields\n      }\n    }\n  }\n": types.MaterialListDocument,
    "\n  query MaterialDetail($avatarId: ID!, $materialId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      material(id: $materialId) {\n        ...MaterialFields\n        text(maxChars: 20000)\n        speakers {\n          sampleId\n          threshold\n          personSpeechSec\n          otherSpeechSec\n          failure {\n            code\n            reason\n          }\n        }\n        segments(first: 500) {\n          startSec\n          endSec\n          text\n          speakerSimilarity\n          isPerson\n        }\n      }\n    }\n  }\n": types.MaterialDetailDocument,
    "\n  mutation RemoveMaterial($avatarId: ID!, $materialId: ID!) {\n    removeMaterial(avatarId: $avatarId, materialId: $materialId) {\n      position\n    }\n  }\n": types.RemoveMaterialDocument,
    "\n  mutation ChooseChatParticipant($avatarId: ID!, $materialId: ID!, $participants: [String!]!) {\n    chooseChatParticipant(avatarId: $avatarId, materialId: $materialId, participants: $participants) {\n      position\n    }\n  }\n": types.ChooseChatParticipantDocument,
    "\n  subscription MaterialChanged($avatarId: ID!) {\n    materialChanged(avatarId: $avatarId) {\n      position\n      material {\n        ...MaterialFields\n      }\n    }\n  }\n": types.MaterialChangedDocument,
    "\n  query ServiceStatus {\n    status {\n      ready\n      parts {\n        name\n        ok\n        detail\n      }\n      passwordResetByEmail\n    }\n  }\n": types.ServiceStatusDocument,
    "\n  fragment TestReportFields on TestReport {\n    runId\n    personaVersion\n    status\n    startedAt\n    createdAt\n    verdict\n    verdictAgainst\n    scoresCapped\n    worse\n    headline\n    heldOutPairs\n    pairsTested\n    notes\n    overall {\n      replies\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      lift\n      liftLow\n      liftHigh\n      n\n    }\n    comparedWith {\n      personaVersion\n      overall\n      lift\n      liftLow\n      liftHigh\n    }\n    metrics {\n      metric\n      replies\n      measured\n      reason\n      onScale\n      unit\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      newVersionOutside {\n        belowFloor\n        aboveCeiling\n      }\n      lift\n      liftLow\n      liftHigh\n      n\n      quality\n      qualityNote\n    }\n    examples {\n      message\n      real\n      newVersion\n      baseline\n    }\n  }\n": types.TestReportFieldsFragmentDoc,
    "\n  fragment RunFields on TrainingRun {\n    id\n    status\n    stage\n    percent\n    etaSeconds\n    startedAt\n    finishedAt\n    settings\n    personaVersion\n    stats\n    failure {\n      code\n      reason\n    }\n    materials {\n      id\n      fileName\n      kind\n    }\n    testReport {\n      personaVersion\n      status\n      verdict\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  query TrainingPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      materials {\n        id\n        state\n      }\n      currentTraining {\n        ...RunFields\n      }\n      trainingRuns(first: 50) {\n        nodes {\n          ...RunFields\n        }\n      }\n      personaVersions {\n        ...VersionVerdictFields\n      }\n    }\n  }\n": types.TrainingPageDocument,
    "\n  fragment VersionVerdictFields on PersonaVersion {\n    version\n    runId\n    createdAt\n    active\n    stats\n    materialsUsed {\n      materialId\n      fileName\n    }\n    testReport {\n      status\n      verdict\n      verdictAgainst\n      overall {\n        newVersion\n      }\n      comparedWith {\n        personaVersion\n      }\n    }\n  }\n": types.VersionVerdictFieldsFragmentDoc,
    "\n  mutation StartTraining($avatarId: ID!, $settings: JSON, $clientMutationId: ID) {\n    startTraining(avatarId: $avatarId, settings: $settings, clientMutationId: $clientMutationId) {\n      runId\n      position\n    }\n  }\n": types.StartTrainingDocument,
    "\n  mutation StopTraining($avatarId: ID!, $runId: ID!) {\n    stopTraining(avatarId: $avatarId, runId: $runId) {\n      position\n    }\n  }\n": types.StopTrainingDocument,
    "\n  mutation ActivatePersonaVersion($avatarId: ID!, $version: Int!) {\n    activatePersonaVersion(avatarId: $avatarId, version: $version) {\n      position\n    }\n  }\n": types.ActivatePersonaVersionDocument,
    "\n  subscription TrainingChanged($avatarId: ID!) {\n    trainingChanged(avatarId: $avatarId) {\n      position\n      run {\n        ...RunFields\n      }\n    }\n  }\n": types.TrainingChangedDocument,
    "\n  subscription TestChanged($avatarId: ID!) {\n    testChanged(avatarId: $avatarId) {\n      position\n      progress {\n        step\n        percent\n      }\n      report {\n        ...TestReportFields\n      }\n    }\n  }\n": types.TestChangedDocument,
    "\n  query TestReports($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      testReports {\n        ...TestReportFields\n      }\n      replyFeedback {\n        personaVersion\n        up\n        down\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n    }\n  }\n": types.TestReportsDocument,
    "\n  query PersonaVersionPage($avatarId: ID!, $version: Int!) {\n    avatar(id: $avatarId) {\n      id\n      personaVersion(version: $version) {\n        version\n        runId\n        createdAt\n        active\n        styleProfile\n        embedder\n        card {\n          description\n          personality\n          scenario\n          instructions\n          gender\n          languages\n        }\n        materialsUsed {\n          materialId\n          fileName\n          kind\n          participant\n          passages\n          pairs\n        }\n        testReport {\n          ...TestReportFields\n        }\n      }\n    }\n  }\n": types.PersonaVersionPageDocument,
    "\n  fragment VoiceSampleFields on VoiceSample {\n    id\n    state\n    durationSec\n    loudnessLufs\n    speakerConsistency\n    failure {\n      code\n      reason\n    }\n    submittedAt\n    audioUrl\n    active\n    replacesActive\n    fileName\n    segment {\n      materialId\n      startSec\n      endSec\n    }\n    preview {\n      id\n      text\n      state\n      audioUrl\n      durationSec\n      voice\n      failure {\n        code\n        reason\n      }\n      requestedAt\n    }\n  }\n": types.VoiceSampleFieldsFragmentDoc,
    "\n  fragment VoiceFields on Voice {\n    consent {\n      basis\n      personName\n      consentGivenOn\n      statement\n      recordedAt\n    }\n    consentWithdrawnAt\n    activeSampleId\n    samples {\n      ...VoiceSampleFields\n    }\n  }\n": types.VoiceFieldsFragmentDoc,
    "\n  query VoicePage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      name\n      voice {\n        ...VoiceFields\n      }\n      materials {\n        id\n        fileName\n        kind\n        state\n        durationSec\n        downloadUrl\n      }\n    }\n  }\n": types.VoicePageDocument,
    "\n  mutation RecordVoiceConsent($avatarId: ID!, $consent: VoiceConsentInput!) {\n    recordVoiceConsent(avatarId: $avatarId, consent: $consent) {\n      position\n    }\n  }\n": types.RecordVoiceConsentDocument,
    "\n  mutation CutVoiceSample(\n    $avatarId: ID!\n    $materialId: ID!\n    $startSec: Float!\n    $endSec: Float!\n    $replacesActive: Boolean\n  ) {\n    cutVoiceSample(\n      avatarId: $avatarId\n      materialId: $materialId\n      startSec: $startSec\n      endSec: $endSec\n      replacesActive: $replacesActive\n    ) {\n      position\n    }\n  }\n": types.CutVoiceSampleDocument,
    "\n  mutation WithdrawVoiceConsent($avatarId: ID!) {\n    withdrawVoiceConsent(avatarId: $avatarId) {\n      position\n    }\n  }\n": types.WithdrawVoiceConsentDocument,
    "\n  mutation ActivateVoiceSample($avatarId: ID!, $sampleId: ID!) {\n    activateVoiceSample(avatarId: $avatarId, sampleId: $sampleId) {\n      position\n    }\n  }\n": types.ActivateVoiceSampleDocument,
    "\n  mutation PreviewVoice($avatarId: ID!, $sampleId: ID!, $text: String!) {\n    previewVoice(avatarId: $avatarId, sampleId: $sampleId, text: $text) {\n      position\n    }\n  }\n": types.PreviewVoiceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on Session {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      id\n      email\n      fullName\n    }\n  }\n"): typeof import('./graphql').SessionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      ...SessionFields\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      position\n    }\n  }\n"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Profile {\n    me {\n      id\n      email\n      fullName\n      registeredAt\n      apiTokens {\n        id\n        name\n        issuedAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($fullName: String!) {\n    updateProfile(fullName: $fullName) {\n      position\n    }\n  }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueApiToken($name: String!) {\n    issueApiToken(name: $name) {\n      secret\n      position\n      token {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').IssueApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      position\n    }\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeEmail($currentPassword: String!, $newEmail: String!) {\n    changeEmail(currentPassword: $currentPassword, newEmail: $newEmail) {\n      position\n    }\n  }\n"): typeof import('./graphql').ChangeEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AvatarSummary on Avatar {\n    id\n    name\n    status\n    createdAt\n    updatedAt\n    activePersonaVersion\n  }\n"): typeof import('./graphql').AvatarSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvatarList($after: String) {\n    avatars(first: 50, after: $after) {\n      nodes {\n        ...AvatarSummary\n        materials {\n          id\n        }\n        chats(first: 1) {\n          nodes {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AvatarListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvatarOverview($id: ID!) {\n    avatar(id: $id) {\n      ...AvatarSummary\n      personaCard {\n        description\n        personality\n        scenario\n        instructions\n        gender\n        languages\n      }\n      materials {\n        id\n      }\n      voice {\n        sample {\n          id\n          state\n        }\n      }\n      chats(first: 100) {\n        nodes {\n          id\n        }\n      }\n      personaVersions {\n        version\n      }\n    }\n  }\n"): typeof import('./graphql').AvatarOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAvatar($name: String!, $clientMutationId: ID) {\n    createAvatar(name: $name, clientMutationId: $clientMutationId) {\n      avatarId\n      position\n    }\n  }\n"): typeof import('./graphql').CreateAvatarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameAvatar($id: ID!, $name: String!) {\n    renameAvatar(id: $id, name: $name) {\n      position\n      avatar {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').RenameAvatarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPersonaCard($id: ID!, $card: PersonaCardInput!) {\n    editPersonaCard(id: $id, card: $card) {\n      position\n    }\n  }\n"): typeof import('./graphql').EditPersonaCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAvatar($id: ID!, $confirmName: String!) {\n    deleteAvatar(id: $id, confirmName: $confirmName) {\n      position\n    }\n  }\n"): typeof import('./graphql').DeleteAvatarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AvatarChanged($avatarId: ID) {\n    avatarChanged(avatarId: $avatarId) {\n      position\n      avatar {\n        ...AvatarSummary\n      }\n    }\n  }\n"): typeof import('./graphql').AvatarChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlindTestRoundFields on BlindTestRound {\n    personaVersion\n    pairs {\n      index\n      message\n      options {\n        id\n        text\n      }\n    }\n  }\n"): typeof import('./graphql').BlindTestRoundFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlindTestScoreFields on BlindTestScore {\n    personaVersion\n    guesses\n    correct\n    accuracy\n  }\n"): typeof import('./graphql').BlindTestScoreFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlindTestPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      blindTest {\n        ...BlindTestRoundFields\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n      blindTestInvites {\n        id\n        createdAt\n        expiresAt\n        revokedAt\n        open\n        guesses\n      }\n    }\n  }\n"): typeof import('./graphql').BlindTestPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuessBlindTest($avatarId: ID!, $personaVersion: Int!, $pairIndex: Int!, $optionId: ID!) {\n    guessBlindTest(avatarId: $avatarId, personaVersion: $personaVersion, pairIndex: $pairIndex, optionId: $optionId) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n"): typeof import('./graphql').GuessBlindTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBlindTestInvite($avatarId: ID!, $days: Int!) {\n    createBlindTestInvite(avatarId: $avatarId, days: $days) {\n      token\n      invite {\n        id\n      }\n      position\n    }\n  }\n"): typeof import('./graphql').CreateBlindTestInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeBlindTestInvite($avatarId: ID!, $inviteId: ID!) {\n    revokeBlindTestInvite(avatarId: $avatarId, inviteId: $inviteId) {\n      position\n    }\n  }\n"): typeof import('./graphql').RevokeBlindTestInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvitedBlindTest($token: String!) {\n    invitedBlindTest(token: $token) {\n      ...BlindTestRoundFields\n    }\n  }\n"): typeof import('./graphql').InvitedBlindTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GuessInvitedBlindTest(\n    $token: String!\n    $guesser: ID!\n    $personaVersion: Int!\n    $pairIndex: Int!\n    $optionId: ID!\n  ) {\n    guessInvitedBlindTest(\n      token: $token\n      guesser: $guesser\n      personaVersion: $personaVersion\n      pairIndex: $pairIndex\n      optionId: $optionId\n    ) {\n      correct\n      realOptionId\n      counted\n      position\n    }\n  }\n"): typeof import('./graphql').GuessInvitedBlindTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyFields on Reply {\n    id\n    text\n    personaVersion\n    latencyMs\n    model\n    closeness\n    lowConfidence\n    rating\n    repliedAt\n    cut {\n      heardSec\n      spokenSec\n      heardText\n    }\n    sources {\n      id\n      kind\n      text\n      prompt\n      startSec\n      saidAt\n      material {\n        id\n        fileName\n        uploadedAt\n      }\n    }\n    dub {\n      state\n      audioUrl\n      durationSec\n      voice\n      madeUnderWithdrawnConsent\n      failure {\n        code\n        reason\n      }\n    }\n  }\n"): typeof import('./graphql').ReplyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    chatId\n    kind\n    text\n    sentAt\n    editedAt\n    deletedAt\n    replyState\n    voice {\n      transcriptState\n      audioUrl\n      durationSec\n      language\n      callId\n      segments {\n        startSec\n        endSec\n        text\n      }\n    }\n    failure {\n      code\n      reason\n    }\n    reply {\n      ...ReplyFields\n    }\n    replies {\n      id\n    }\n  }\n"): typeof import('./graphql').MessageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessagePageFields on MessageConnection {\n    nodes {\n      ...MessageFields\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): typeof import('./graphql').MessagePageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      chats(first: 100) {\n        nodes {\n          id\n          title\n          untitled\n          status\n          personaVersion\n          createdAt\n          messageCount\n          lastMessageAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ChatListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatView($chatId: ID!) {\n    chat(id: $chatId) {\n      id\n      title\n      untitled\n      status\n      personaVersion\n      messageCount\n      # The newest 50: a message with its reply, sources and voice costs ~58 points, and 100 of them passed the\n      # gateway's limit of 5000 (gateways/test/web-operations-cost.test.ts).\n      messages(first: 50, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n"): typeof import('./graphql').ChatViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChatEarlierMessages($chatId: ID!, $after: String!) {\n    chat(id: $chatId) {\n      id\n      messages(first: 50, after: $after, newestFirst: true) {\n        ...MessagePageFields\n      }\n    }\n  }\n"): typeof import('./graphql').ChatEarlierMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenChat($avatarId: ID!, $title: String, $personaVersion: Int, $clientMutationId: ID) {\n    openChat(avatarId: $avatarId, title: $title, personaVersion: $personaVersion, clientMutationId: $clientMutationId) {\n      chatId\n      position\n    }\n  }\n"): typeof import('./graphql').OpenChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameChat($id: ID!, $title: String!) {\n    renameChat(id: $id, title: $title) {\n      position\n    }\n  }\n"): typeof import('./graphql').RenameChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteChat($id: ID!) {\n    deleteChat(id: $id) {\n      position\n    }\n  }\n"): typeof import('./graphql').DeleteChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($chatId: ID!, $text: String!, $clientMutationId: ID) {\n    sendMessage(chatId: $chatId, text: $text, clientMutationId: $clientMutationId) {\n      messageId\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): typeof import('./graphql').SendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReply($chatId: ID!, $messageId: ID!) {\n    cancelReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n"): typeof import('./graphql').CancelReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplyTokens($chatId: ID!) {\n    replyTokens(chatId: $chatId) {\n      messageId\n      index\n      text\n      done\n    }\n  }\n"): typeof import('./graphql').ReplyTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MessageChanged($chatId: ID!) {\n    messageChanged(chatId: $chatId) {\n      position\n      message {\n        ...MessageFields\n      }\n    }\n  }\n"): typeof import('./graphql').MessageChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegenerateReply($chatId: ID!, $messageId: ID!) {\n    regenerateReply(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n"): typeof import('./graphql').RegenerateReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseReply($chatId: ID!, $messageId: ID!, $replyId: ID!) {\n    chooseReply(chatId: $chatId, messageId: $messageId, replyId: $replyId) {\n      position\n    }\n  }\n"): typeof import('./graphql').ChooseReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RateReply($chatId: ID!, $replyId: ID!, $rating: Rating) {\n    rateReply(chatId: $chatId, replyId: $replyId, rating: $rating) {\n      position\n    }\n  }\n"): typeof import('./graphql').RateReplyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMessage($chatId: ID!, $messageId: ID!, $text: String!) {\n    editMessage(chatId: $chatId, messageId: $messageId, text: $text) {\n      position\n    }\n  }\n"): typeof import('./graphql').EditMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessage($chatId: ID!, $messageId: ID!) {\n    deleteMessage(chatId: $chatId, messageId: $messageId) {\n      position\n    }\n  }\n"): typeof import('./graphql').DeleteMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchChats($avatarId: ID!, $text: String!) {\n    searchChats(avatarId: $avatarId, text: $text, first: 50) {\n      chatId\n      chatTitle\n      message {\n        id\n        text\n        sentAt\n        reply {\n          id\n          text\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchChatsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($avatarId: ID!, $after: String, $kinds: [TimelineKind!]) {\n    avatar(id: $avatarId) {\n      id\n      chainHead {\n        hash\n        revision\n      }\n      materials(includeRemoved: true) {\n        id\n        fileName\n      }\n      timeline(first: 50, after: $after, kinds: $kinds) {\n        nodes {\n          position\n          type\n          kind\n          actor\n          occurredAt\n          summary\n          chatId\n          details\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MaterialFields on Material {\n    id\n    fileName\n    mediaType\n    kind\n    sizeBytes\n    state\n    failure {\n      code\n      reason\n    }\n    decoded {\n      durationSec\n      channels\n      sampleRate\n    }\n    uploadedAt\n    updatedAt\n    charCount\n    durationSec\n    language\n    preview\n    participants\n    chosenParticipant\n    chosenParticipants\n    chat {\n      firstMessageAt\n      lastMessageAt\n      timeZoneKnown\n      participants {\n        name\n        messageCount\n        firstMessageAt\n        lastMessageAt\n      }\n    }\n    notes\n    downloadUrl\n    removed\n  }\n"): typeof import('./graphql').MaterialFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaterialList($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      materials {\n        ...MaterialFields\n      }\n    }\n  }\n"): typeof import('./graphql').MaterialListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MaterialDetail($avatarId: ID!, $materialId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      material(id: $materialId) {\n        ...MaterialFields\n        text(maxChars: 20000)\n        speakers {\n          sampleId\n          threshold\n          personSpeechSec\n          otherSpeechSec\n          failure {\n            code\n            reason\n          }\n        }\n        segments(first: 500) {\n          startSec\n          endSec\n          text\n          speakerSimilarity\n          isPerson\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MaterialDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMaterial($avatarId: ID!, $materialId: ID!) {\n    removeMaterial(avatarId: $avatarId, materialId: $materialId) {\n      position\n    }\n  }\n"): typeof import('./graphql').RemoveMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChooseChatParticipant($avatarId: ID!, $materialId: ID!, $participants: [String!]!) {\n    chooseChatParticipant(avatarId: $avatarId, materialId: $materialId, participants: $participants) {\n      position\n    }\n  }\n"): typeof import('./graphql').ChooseChatParticipantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MaterialChanged($avatarId: ID!) {\n    materialChanged(avatarId: $avatarId) {\n      position\n      material {\n        ...MaterialFields\n      }\n    }\n  }\n"): typeof import('./graphql').MaterialChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceStatus {\n    status {\n      ready\n      parts {\n        name\n        ok\n        detail\n      }\n      passwordResetByEmail\n    }\n  }\n"): typeof import('./graphql').ServiceStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TestReportFields on TestReport {\n    runId\n    personaVersion\n    status\n    startedAt\n    createdAt\n    verdict\n    verdictAgainst\n    scoresCapped\n    worse\n    headline\n    heldOutPairs\n    pairsTested\n    notes\n    overall {\n      replies\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      lift\n      liftLow\n      liftHigh\n      n\n    }\n    comparedWith {\n      personaVersion\n      overall\n      lift\n      liftLow\n      liftHigh\n    }\n    metrics {\n      metric\n      replies\n      measured\n      reason\n      onScale\n      unit\n      newVersion\n      baseline\n      rawNewVersion\n      rawBaseline\n      newVersionOutside {\n        belowFloor\n        aboveCeiling\n      }\n      lift\n      liftLow\n      liftHigh\n      n\n      quality\n      qualityNote\n    }\n    examples {\n      message\n      real\n      newVersion\n      baseline\n    }\n  }\n"): typeof import('./graphql').TestReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on TrainingRun {\n    id\n    status\n    stage\n    percent\n    etaSeconds\n    startedAt\n    finishedAt\n    settings\n    personaVersion\n    stats\n    failure {\n      code\n      reason\n    }\n    materials {\n      id\n      fileName\n      kind\n    }\n    testReport {\n      personaVersion\n      status\n      verdict\n    }\n  }\n"): typeof import('./graphql').RunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrainingPage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      materials {\n        id\n        state\n      }\n      currentTraining {\n        ...RunFields\n      }\n      trainingRuns(first: 50) {\n        nodes {\n          ...RunFields\n        }\n      }\n      personaVersions {\n        ...VersionVerdictFields\n      }\n    }\n  }\n"): typeof import('./graphql').TrainingPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionVerdictFields on PersonaVersion {\n    version\n    runId\n    createdAt\n    active\n    stats\n    materialsUsed {\n      materialId\n      fileName\n    }\n    testReport {\n      status\n      verdict\n      verdictAgainst\n      overall {\n        newVersion\n      }\n      comparedWith {\n        personaVersion\n      }\n    }\n  }\n"): typeof import('./graphql').VersionVerdictFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartTraining($avatarId: ID!, $settings: JSON, $clientMutationId: ID) {\n    startTraining(avatarId: $avatarId, settings: $settings, clientMutationId: $clientMutationId) {\n      runId\n      position\n    }\n  }\n"): typeof import('./graphql').StartTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopTraining($avatarId: ID!, $runId: ID!) {\n    stopTraining(avatarId: $avatarId, runId: $runId) {\n      position\n    }\n  }\n"): typeof import('./graphql').StopTrainingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivatePersonaVersion($avatarId: ID!, $version: Int!) {\n    activatePersonaVersion(avatarId: $avatarId, version: $version) {\n      position\n    }\n  }\n"): typeof import('./graphql').ActivatePersonaVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrainingChanged($avatarId: ID!) {\n    trainingChanged(avatarId: $avatarId) {\n      position\n      run {\n        ...RunFields\n      }\n    }\n  }\n"): typeof import('./graphql').TrainingChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TestChanged($avatarId: ID!) {\n    testChanged(avatarId: $avatarId) {\n      position\n      progress {\n        step\n        percent\n      }\n      report {\n        ...TestReportFields\n      }\n    }\n  }\n"): typeof import('./graphql').TestChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestReports($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      activePersonaVersion\n      testReports {\n        ...TestReportFields\n      }\n      replyFeedback {\n        personaVersion\n        up\n        down\n      }\n      blindTestScores {\n        ...BlindTestScoreFields\n      }\n    }\n  }\n"): typeof import('./graphql').TestReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonaVersionPage($avatarId: ID!, $version: Int!) {\n    avatar(id: $avatarId) {\n      id\n      personaVersion(version: $version) {\n        version\n        runId\n        createdAt\n        active\n        styleProfile\n        embedder\n        card {\n          description\n          personality\n          scenario\n          instructions\n          gender\n          languages\n        }\n        materialsUsed {\n          materialId\n          fileName\n          kind\n          participant\n          passages\n          pairs\n        }\n        testReport {\n          ...TestReportFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PersonaVersionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VoiceSampleFields on VoiceSample {\n    id\n    state\n    durationSec\n    loudnessLufs\n    speakerConsistency\n    failure {\n      code\n      reason\n    }\n    submittedAt\n    audioUrl\n    active\n    replacesActive\n    fileName\n    segment {\n      materialId\n      startSec\n      endSec\n    }\n    preview {\n      id\n      text\n      state\n      audioUrl\n      durationSec\n      voice\n      failure {\n        code\n        reason\n      }\n      requestedAt\n    }\n  }\n"): typeof import('./graphql').VoiceSampleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VoiceFields on Voice {\n    consent {\n      basis\n      personName\n      consentGivenOn\n      statement\n      recordedAt\n    }\n    consentWithdrawnAt\n    activeSampleId\n    samples {\n      ...VoiceSampleFields\n    }\n  }\n"): typeof import('./graphql').VoiceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VoicePage($avatarId: ID!) {\n    avatar(id: $avatarId) {\n      id\n      name\n      voice {\n        ...VoiceFields\n      }\n      materials {\n        id\n        fileName\n        kind\n        state\n        durationSec\n        downloadUrl\n      }\n    }\n  }\n"): typeof import('./graphql').VoicePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVoiceConsent($avatarId: ID!, $consent: VoiceConsentInput!) {\n    recordVoiceConsent(avatarId: $avatarId, consent: $consent) {\n      position\n    }\n  }\n"): typeof import('./graphql').RecordVoiceConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CutVoiceSample(\n    $avatarId: ID!\n    $materialId: ID!\n    $startSec: Float!\n    $endSec: Float!\n    $replacesActive: Boolean\n  ) {\n    cutVoiceSample(\n      avatarId: $avatarId\n      materialId: $materialId\n      startSec: $startSec\n      endSec: $endSec\n      replacesActive: $replacesActive\n    ) {\n      position\n    }\n  }\n"): typeof import('./graphql').CutVoiceSampleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawVoiceConsent($avatarId: ID!) {\n    withdrawVoiceConsent(avatarId: $avatarId) {\n      position\n    }\n  }\n"): typeof import('./graphql').WithdrawVoiceConsentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateVoiceSample($avatarId: ID!, $sampleId: ID!) {\n    activateVoiceSample(avatarId: $avatarId, sampleId: $sampleId) {\n      position\n    }\n  }\n"): typeof import('./graphql').ActivateVoiceSampleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewVoice($avatarId: ID!, $sampleId: ID!, $text: String!) {\n    previewVoice(avatarId: $avatarId, sampleId: $sampleId, text: $text) {\n      position\n    }\n  }\n"): typeof import('./graphql').PreviewVoiceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
