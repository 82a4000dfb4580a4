// Progressive enhancement of the evidence page: with JavaScript, files upload as they are chosen (MOJ multi-file upload)
// and can be deleted before Continue; without it the page's plain file inputs are used and this file changes nothing.
import { ErrorSummary } from '/assets/govuk-frontend.min.js'
import { MultiFileUpload } from '/assets/moj-frontend.min.js'

const $root = document.querySelector('[data-module="moj-multi-file-upload"]')
const $plainInputs = document.querySelector('[data-evidence-file-inputs]')

if ($root && $plainInputs && MultiFileUpload.isSupported()) {
  try {
    // eslint-disable-next-line no-new
    new MultiFileUpload($root, { hooks: { errorHook: showError } })
    $root.hidden = false
    $plainInputs.hidden = true
    for (const $input of $plainInputs.querySelectorAll('input')) {
      $input.disabled = true
    }
  } catch {
    // Not supported after all: the plain inputs stay.
  }
}

// The file upload pattern: the error in the page's error summary (linking to the input) and on the field itself.
function showError (upload, file, xhr) {
  const message = xhr.response?.error?.text ?? `${file.name} could not be uploaded: try again`
  const $input = $root.querySelector('.moj-multi-file-upload__input')
  const $group = $root.querySelector('.govuk-form-group')

  let $summary = document.querySelector('.govuk-error-summary')
  const isNew = !$summary
  if (isNew) {
    $summary = document.createElement('div')
    $summary.className = 'govuk-error-summary'
    $summary.setAttribute('data-module', 'govuk-error-summary')
    $summary.innerHTML = '<div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>' +
      '<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"></ul></div></div>'
    document.querySelector('main .govuk-grid-column-two-thirds').prepend($summary)
  }

  const $item = document.createElement('li')
  const $link = document.createElement('a')
  $link.href = '#Documents'
  $link.textContent = message
  $item.append($link)
  $summary.querySelector('.govuk-error-summary__list').append($item)

  let $error = document.getElementById('Documents-error')
  if (!$error) {
    $error = document.createElement('p')
    $error.id = 'Documents-error'
    $error.className = 'govuk-error-message'
    $root.querySelector('#Documents-hint').after($error)
    $input.setAttribute('aria-describedby', 'Documents-hint Documents-error')
  }
  $error.innerHTML = '<span class="govuk-visually-hidden">Error:</span> '
  $error.append(message)
  $group.classList.add('govuk-form-group--error')

  if (!document.title.startsWith('Error: ')) {
    document.title = `Error: ${document.title}`
  }

  if (isNew) {
    // eslint-disable-next-line no-new
    new ErrorSummary($summary)
  } else {
    $summary.focus()
  }
}
