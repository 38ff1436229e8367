import { elementTemplate } from '../../../dossier/core-model';
import type { DomainCode } from '../../../dossier/core-model';
import { en } from '../../../report/i18n/messages-en';
import type { MessageKey, Translate } from '../../../report/i18n/translate';

// The Core Model's shipped words in the display language. A dossier stores its elements' topics and questions as
// text; the shipped (English) wording is shown translated, a typed or edited one as typed.

export const domainName = (t: Translate, code: DomainCode): string => t(`coreModel.domain.${code}`);
export const shortDomainName = (t: Translate, code: DomainCode): string => t(`coreModel.short.${code}`);

/** The catalogue key of a shipped topic ("Target Condition" → coreModel.topic.target-condition), if there is one. */
function topicKey(topic: string): MessageKey | null {
  const key = `coreModel.topic.${topic.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`;
  return Object.hasOwn(en, key) && en[key as MessageKey] === topic ? (key as MessageKey) : null;
}

export function elementTopic(t: Translate, topic: string): string {
  const key = topicKey(topic);
  return key ? t(key) : topic;
}

/** An element's question: translated when it is the Core Model's shipped wording for that id. */
export function elementIssue(t: Translate, id: string, issue: string): string {
  const key = `coreModel.issue.${id}`;
  return Object.hasOwn(en, key) && elementTemplate(id)?.issue === issue ? t(key as MessageKey) : issue;
}
