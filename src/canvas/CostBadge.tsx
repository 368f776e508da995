import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { formatCount, formatExact } from '../i18n/numbers';

/** Multiply-adds as papers write them; the exact integer on hover. Ops without any show no badge. */
export function CostBadge({ multiplyAdds, params }: { multiplyAdds: number; params: number }) {
  const { t } = useTranslation('canvas');
  if (multiplyAdds > 0)
    return (
      <span
        className="cost-badge"
        title={t('badge', { madds: formatExact(multiplyAdds), params: formatExact(params) })}
        aria-label={t('badgeLabel', { madds: formatExact(multiplyAdds) })}
      >
        {formatCount(multiplyAdds, currentLanguage())}
      </span>
    );
  return null;
}
