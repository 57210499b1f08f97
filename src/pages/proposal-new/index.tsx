import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS } from '../../../common/glossary';
import { LIST_LIMITS, TEXT_LIMITS } from '../../../common/limits';
import type { ApiError, LibraryEntry, Me } from '../../../types/api';
import type { Category } from '../../../types/domain';
import { submitProposal } from '../../api';
import { choosePhotos, uploadPhoto } from '../../api/upload';
import { wxFailureMessage } from '../../lib/wx-failure';
import { Action } from '../../components/Action';
import { Field } from '../../components/Field';
import { EmptyState, ErrorState, Skeleton } from '../../components/PageStates';
import { PageShell } from '../../components/PageShell';
import { loadMe } from '../../lib/community';
import { messageOf } from '../../lib/labels';
import { PAGES, openTab, proposalPath } from '../../lib/navigation';
import { newRequestId } from '../../lib/request-id';
import { useAnswer } from '../../lib/use-answer';
import { LibraryPicker } from './components/LibraryPicker';
import './index.css';

const CATEGORY_EXAMPLES: Record<Category, string> = {
  works: '如修补道路、加装扶手、改造设施',
  goods: '如添置座椅、健身器材、设备',
  services: '如文体活动、长者照护、培训讲座',
};

/** The form's fields, by the names the server uses in `error.field`. */
type FieldName = 'category' | 'title' | 'location' | 'description' | 'photos' | 'libraryEntryId';
const FIELD_NAMES: readonly FieldName[] = ['category', 'title', 'location', 'description', 'photos', 'libraryEntryId'];

/** What to say next to a field the server found invalid (its own message names only the field). */
const FIELD_PROBLEMS: Record<FieldName, string> = {
  category: '请选择项目类别',
  title: `请填写标题，不超过 ${TEXT_LIMITS.proposalTitle} 字`,
  location: `请填写地点，不超过 ${TEXT_LIMITS.location} 字`,
  description: `请填写具体情况，不超过 ${TEXT_LIMITS.description} 字`,
  photos: `照片有误，最多 ${LIST_LIMITS.photos} 张，请删除后重新添加`,
  libraryEntryId: '请从项目库中选择一个项目',
};

interface PhotoSlot {
  key: string;
  localPath: string;
  status: 'uploading' | 'done' | 'failed';
  fileId?: string;
}

type Errors = Partial<Record<FieldName, string>>;

function length(text: string): number {
  return Array.from(text).length;
}

/** The server's field `photos.2` belongs to the form's field `photos`. */
function formFieldOf(error: ApiError): FieldName | null {
  const head = (error.field ?? '').split('.')[0] as FieldName;
  return FIELD_NAMES.includes(head) ? head : null;
}

/**
 * 我要提议: a resident's proposal — category, title, location, description, up to `LIST_LIMITS.photos` photos, and its
 * source (own idea, or an entry of the project library). One requestId per form, kept for every
 * retry, so a repeated tap never makes two proposals; a new one only after success.
 */
export default function ProposalNewPage() {
  const { state, reload } = useAnswer(loadMe);
  return (
    <PageShell>
      {state.status === 'loading' && <Skeleton rows={5} />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={() => void reload()} />}
      {state.status === 'ready' &&
        (state.data?.communityId ? (
          <ProposalForm me={state.data} />
        ) : (
          <EmptyState
            message={state.data ? '加入社区后才能提议' : '请先登录后再提议'}
            actionLabel={state.data ? '去加入社区' : undefined}
            onAction={() => openTab(PAGES.mine)}
          />
        ))}
    </PageShell>
  );
}

function ProposalForm({ me }: { me: Me }) {
  const [category, setCategory] = useState<Category | null>(null);
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PhotoSlot[]>([]);
  const [source, setSource] = useState<'resident' | 'library'>('resident');
  const [libraryEntry, setLibraryEntry] = useState<LibraryEntry | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // One idempotency key per form: reused by every retry, renewed only after a success.
  const requestId = useRef(newRequestId());
  const photoKey = useRef(0);

  const clearError = (name: FieldName) => setErrors((previous) => (previous[name] ? { ...previous, [name]: undefined } : previous));

  const upload = useCallback(async (slot: PhotoSlot) => {
    setPhotos((previous) => previous.map((photo) => (photo.key === slot.key ? { ...photo, status: 'uploading' } : photo)));
    const answer = await uploadPhoto(slot.localPath, me.openid);
    // The reason (too large, unreadable, network) shows under the photos.
    if (!answer.ok) setErrors((previous) => ({ ...previous, photos: answer.error.message }));
    setPhotos((previous) =>
      previous.map((photo) =>
        photo.key === slot.key ? (answer.ok ? { ...photo, status: 'done', fileId: answer.data.fileId } : { ...photo, status: 'failed' }) : photo,
      ),
    );
  }, [me.openid]);

  const addPhotos = async () => {
    const room = LIST_LIMITS.photos - photos.length;
    if (room <= 0) return;
    const { paths: chosen, message } = await choosePhotos(room);
    if (message) setErrors((previous) => ({ ...previous, photos: message }));
    if (chosen.length === 0) return;
    const slots = chosen.map((localPath): PhotoSlot => ({ key: `photo-${++photoKey.current}`, localPath, status: 'uploading' }));
    setPhotos((previous) => [...previous, ...slots].slice(0, LIST_LIMITS.photos));
    clearError('photos');
    await Promise.all(slots.map((slot) => upload(slot)));
  };

  const chooseLocation = async () => {
    try {
      const place = await Taro.chooseLocation({});
      const text = [place.name, place.address].filter(Boolean).join(' · ');
      if (text) {
        setLocation(Array.from(text).slice(0, TEXT_LIMITS.location).join(''));
        clearError('location');
      }
    } catch (error) {
      // Closed: nothing to say. Refused: say why; the resident can still type the place.
      const message = wxFailureMessage(error, '无法打开地图，请直接填写地点');
      if (message) setErrors((previous) => ({ ...previous, location: message }));
    }
  };

  const pickLibraryEntry = (entry: LibraryEntry) => {
    setLibraryEntry(entry);
    clearError('libraryEntryId');
    if (!category) setCategory(entry.category);
    if (!title.trim()) setTitle(Array.from(entry.title).slice(0, TEXT_LIMITS.proposalTitle).join(''));
  };

  const missing = (): Errors => {
    const found: Errors = {};
    if (!category) found.category = '请选择项目类别';
    if (!title.trim()) found.title = '请填写标题';
    if (!location.trim()) found.location = '请填写地点';
    if (!description.trim()) found.description = '请说说具体情况';
    if (source === 'library' && !libraryEntry) found.libraryEntryId = '请从项目库中选择一个项目';
    if (photos.some((photo) => photo.status === 'failed')) found.photos = '有照片没有上传成功：点一下重试，或删除它';
    return found;
  };

  const submit = async () => {
    const found = missing();
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      setFormError('还有内容没有填好，请看标红的地方');
      return;
    }
    setSubmitting(true);
    const answer = await submitProposal({
      communityId: me.communityId as string,
      title: title.trim(),
      category: category as Category,
      location: location.trim(),
      description: description.trim(),
      source,
      ...(source === 'library' && libraryEntry ? { libraryEntryId: libraryEntry.id } : {}),
      photos: photos.flatMap((photo) => (photo.fileId ? [photo.fileId] : [])),
      requestId: requestId.current,
    });
    setSubmitting(false);
    if (!answer.ok) {
      const field = formFieldOf(answer.error);
      if (field) {
        setErrors({ [field]: answer.error.code === 'invalid_input' ? FIELD_PROBLEMS[field] : messageOf(answer.error) });
        setFormError('还有内容需要修改，请看标红的地方');
      } else {
        setFormError(messageOf(answer.error));
      }
      return;
    }
    // Done: the next proposal from this form is a new one.
    requestId.current = newRequestId();
    setCategory(null);
    setTitle('');
    setLocation('');
    setDescription('');
    setPhotos([]);
    setSource('resident');
    setLibraryEntry(null);
    setErrors({});
    void Taro.redirectTo({ url: proposalPath(answer.data.id, { submitted: '1' }) });
  };

  const uploading = photos.some((photo) => photo.status === 'uploading');

  return (
    <View className='proposal-new'>
      <View className='proposal-new__intro'>
        <Text>说出您身边需要改善的事，社区收到后会尽快回复。标 * 的必须填写。</Text>
      </View>

      <View className='card'>
        <Field label='提议来源' name='source'>
          <View className='choice-row' role='radiogroup' aria-label='提议来源'>
            <View
              className={`choice${source === 'resident' ? ' choice--on' : ''}`}
              role='radio'
              aria-checked={source === 'resident'}
              onClick={() => setSource('resident')}
            >
              我自己的想法
            </View>
            <View
              className={`choice${source === 'library' ? ' choice--on' : ''}`}
              role='radio'
              aria-checked={source === 'library'}
              onClick={() => setSource('library')}
            >
              从项目库选
            </View>
          </View>
        </Field>
        {source === 'library' ? (
          <Field label='项目库' name='libraryEntryId' required error={errors.libraryEntryId}>
            <LibraryPicker communityId={me.communityId ?? undefined} selected={libraryEntry} onPick={pickLibraryEntry} />
          </Field>
        ) : null}

        <Field label='项目类别' name='category' required error={errors.category}>
          <View className='proposal-new__categories' role='radiogroup' aria-label='项目类别'>
            {CATEGORIES.map((id) => (
              <View
                key={id}
                className={`choice proposal-new__category${category === id ? ' choice--on' : ''}`}
                role='radio'
                aria-checked={category === id}
                onClick={() => {
                  setCategory(id);
                  clearError('category');
                }}
              >
                <Text className='proposal-new__category-name'>{CATEGORY_LABELS[id]}</Text>
                <Text className='proposal-new__category-example'>{CATEGORY_EXAMPLES[id]}</Text>
              </View>
            ))}
          </View>
        </Field>

        <Field label='标题' name='title' required hint={`${length(title)}/${TEXT_LIMITS.proposalTitle}`} error={errors.title}>
          <Input
            className='field__input'
            value={title}
            maxlength={TEXT_LIMITS.proposalTitle}
            placeholder='一句话说明，如：3 栋门口路灯不亮'
            onInput={(event) => {
              setTitle(event.detail.value);
              clearError('title');
            }}
          />
        </Field>

        <Field label='地点' name='location' required error={errors.location}>
          <Input
            className='field__input'
            value={location}
            maxlength={TEXT_LIMITS.location}
            placeholder='如：中英街 3 号楼东侧'
            onInput={(event) => {
              setLocation(event.detail.value);
              clearError('location');
            }}
          />
          {process.env.TARO_ENV === 'weapp' ? (
            <View className='proposal-new__locate'>
              <Action variant='link' onClick={() => void chooseLocation()}>
                在地图上选择位置
              </Action>
            </View>
          ) : null}
        </Field>

        <Field
          label='具体情况'
          name='description'
          required
          hint={`${length(description)}/${TEXT_LIMITS.description}`}
          error={errors.description}
        >
          <Textarea
            className='field__textarea'
            value={description}
            maxlength={TEXT_LIMITS.description}
            placeholder='现在是什么情况？影响了哪些人？希望怎样改善？'
            onInput={(event) => {
              setDescription(event.detail.value);
              clearError('description');
            }}
          />
        </Field>

        <Field label='照片' name='photos' hint={`${photos.length}/${LIST_LIMITS.photos}，可不传`} error={errors.photos}>
          <View className='photo-grid'>
            {photos.map((photo, index) => (
              <View key={photo.key} className='photo-grid__item' data-testid='photo-slot'>
                <Image className='photo-grid__image' src={photo.localPath} mode='aspectFill' />
                {photo.status === 'uploading' ? <Text className='photo-grid__status'>上传中…</Text> : null}
                {photo.status === 'failed' ? (
                  <View className='photo-grid__status photo-grid__status--failed' role='button' onClick={() => void upload(photo)}>
                    上传失败，点此重试
                  </View>
                ) : null}
                <View
                  className='photo-grid__remove'
                  role='button'
                  aria-label={`删除第 ${index + 1} 张照片`}
                  onClick={() => setPhotos((previous) => previous.filter((item) => item.key !== photo.key))}
                >
                  ×
                </View>
              </View>
            ))}
            {photos.length < LIST_LIMITS.photos ? (
              <View className='photo-grid__add' role='button' aria-label='添加照片' hoverClass='btn--pressed' onClick={() => void addPhotos()}>
                <Text className='photo-grid__plus'>＋</Text>
                <Text>添加照片</Text>
              </View>
            ) : null}
          </View>
        </Field>
      </View>

      <View className='proposal-new__foot'>
        <Text className='proposal-new__public'>提交后提议内容会在社区公开，您的称呼会遮盖显示（如“张*明”）。</Text>
        {formError ? (
          <View className='proposal-new__form-error' role='alert' data-testid='form-error'>
            {formError}
          </View>
        ) : null}
        <Action
          block
          busy={submitting || uploading}
          busyLabel={uploading ? '照片上传中…' : '正在提交…'}
          onClick={() => void submit()}
          testId='submit'
        >
          提交提议
        </Action>
      </View>
    </View>
  );
}
