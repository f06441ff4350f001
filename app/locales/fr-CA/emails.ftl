# emails (fr-CA) : les messages que le portail envoie par courriel (et le code à usage unique par texto).

email-greeting = Bonjour { $name },
email-button-fallback = Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :
email-footer = Ce message a été envoyé à { $to }. Nous ne vous demanderons jamais votre mot de passe par courriel.
# A button's label and its address, in the plain-text version.
email-link-line = { $label } : { $url }
email-button-sign-in = Se connecter

email-activation-subject = Activez l'accès à votre compte
email-activation-body = Merci pour votre inscription. Veuillez confirmer votre adresse courriel pour activer votre accès.
email-activation-expiry = Ce lien ne peut être utilisé qu'une seule fois et expire dans 24 heures. Si vous n'êtes pas à l'origine de cette inscription, ignorez ce courriel.
email-activation-button = Activer maintenant

email-already-registered-subject = Vous avez déjà un compte
email-already-registered-body = Quelqu'un (peut-être vous) a tenté de s'inscrire de nouveau avec cette adresse courriel. Votre compte existe déjà; aucune modification n'a donc été apportée.
email-already-registered-hint = Si vous avez oublié votre mot de passe, utilisez « Mot de passe oublié? » sur la page de connexion.

email-device-code-subject = Votre code d'autorisation de l'appareil
email-device-code-body = Votre code pour autoriser cet appareil est { $code }
email-device-code-hint = Entrez-le à l'écran « Autoriser cet appareil ». Il expire dans 10 minutes et ne peut être utilisé qu'une seule fois. Si vous ne l'avez pas demandé, quelqu'un connaît peut-être votre mot de passe : changez-le et communiquez avec nous.

email-sign-in-code-subject = Votre code de connexion
email-sign-in-code-body = Votre code de connexion est { $code }
email-sign-in-code-hint = Vous avez demandé qu'un code soit exigé à chaque connexion. Il expire dans 10 minutes et ne peut être utilisé qu'une seule fois. Si vous n'êtes pas en train de vous connecter, quelqu'un connaît peut-être votre mot de passe : changez-le et communiquez avec nous.

email-sms-code = Northstar Auto Finance : votre code est { $code }. Il expire dans 10 minutes. Nous ne vous le demanderons jamais.

email-security-subject = Un paramètre de sécurité de votre compte a été modifié
email-security-hint = Si c'était vous, vous n'avez rien à faire. Sinon, connectez-vous, changez votre mot de passe et vérifiez vos méthodes de connexion à la page Sécurité, puis communiquez avec nous.
email-security-button = Vérifier la sécurité
email-notice-totp-enabled = Une application d'authentification a été ajoutée à votre compte. Dorénavant, son code vous sera demandé à la connexion.
email-notice-totp-disabled = L'application d'authentification a été retirée de votre compte.
email-notice-recovery-codes-regenerated = De nouveaux codes de récupération ont été créés pour votre compte; les anciens ne fonctionnent plus.
email-notice-passkey-added = Une clé d'accès a été ajoutée à votre compte. Elle peut servir à vous connecter.
email-notice-passkey-removed = Une clé d'accès a été retirée de votre compte.
email-notice-sign-in-code-email = Dorénavant, un code envoyé à votre adresse courriel vous sera demandé à chaque connexion.
email-notice-sign-in-code-sms = Dorénavant, un code envoyé à votre cellulaire vous sera demandé à chaque connexion.
email-notice-sign-in-code-off = Un code ne vous sera plus demandé à chaque connexion.
email-notice-phone-changed = Le numéro de cellulaire de votre identifiant a été remplacé par { $phone } (confirmé par un code envoyé par texto).
email-notice-phone-removed = Le numéro de cellulaire a été retiré de votre identifiant; les codes par texto sont désactivés.
email-notice-temporary-setup = Quelqu'un s'est connecté avec un mot de passe temporaire émis pour le contrat { $contract } et choisit une nouvelle adresse courriel et un nouveau mot de passe pour votre identifiant. Rien ne change tant que la nouvelle adresse n'est pas confirmée par un code. Si ce n'était pas vous, appelez-nous immédiatement.
email-notice-methods-reset = Notre personnel a réinitialisé les méthodes de connexion de votre identifiant à votre demande : application d'authentification, clés d'accès, codes de récupération et code à chaque connexion ont été retirés, et toutes les sessions ont été fermées.
email-notice-recovery-code-used = Un code de récupération vient d'être utilisé pour vous connecter à votre compte. { $left ->
        [one] Il reste { $left } code inutilisé.
       *[other] Il reste { $left } codes inutilisés.
    }

email-password-reset-subject = Demande de réinitialisation de votre mot de passe
email-password-reset-body = Nous avons reçu une demande de réinitialisation du mot de passe de votre compte. Utilisez le bouton ci-dessous pour en choisir un nouveau.
email-password-reset-expiry = Le lien ne peut être utilisé qu'une seule fois et expire dans 1 heure. Si vous n'avez pas fait cette demande, ignorez ce courriel : votre mot de passe demeure inchangé.
email-password-reset-button = Réinitialiser le mot de passe

email-password-changed-subject = Votre mot de passe a été modifié
email-password-changed-body = Le mot de passe de votre compte vient d'être modifié, et tous vos appareils ont été déconnectés.
email-password-changed-hint = Si vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe immédiatement et communiquez avec nous.

email-username-subject = Rappel de votre nom d'utilisateur
email-username-body = Vous avez demandé quel est le nom d'utilisateur de votre compte. Il s'agit de cette adresse courriel : { $email }
email-username-hint = Si vous n'avez pas demandé ce rappel, vous pouvez ignorer ce courriel.

email-locked-subject = Votre accès a été verrouillé après plusieurs mots de passe erronés
email-locked-body = Un mot de passe erroné a été entré plusieurs fois pour votre compte. Nous avons donc suspendu la connexion pendant quelques minutes afin de protéger votre compte.
email-locked-hint = Si c'était vous, déverrouillez votre accès dès maintenant à l'aide du bouton ci-dessous (valide 1 heure). Sinon, nous vous recommandons de changer votre mot de passe.
email-locked-button = Déverrouiller mon accès

email-confirm-email-subject = Confirmez votre nouvelle adresse courriel
email-confirm-email-body = Vous avez demandé à utiliser cette adresse pour votre compte. Confirmez-la à l'aide du bouton ci-dessous; d'ici là, votre ancienne adresse demeure en vigueur.
email-confirm-email-expiry = Le lien ne peut être utilisé qu'une seule fois et expire dans 24 heures.
email-confirm-email-button = Confirmer cette adresse

email-email-changed-subject = L'adresse courriel de votre compte a été modifiée
email-email-changed-body = Votre compte utilise maintenant l'adresse { $email }. Dorénavant, connectez-vous avec cette adresse.
email-email-changed-hint = Si vous n'avez pas fait ce changement, communiquez avec nous immédiatement.

## Paiements

email-payment-scheduled-subject = Paiement { $reference } reçu : { $amount }
email-payment-scheduled-body = Nous avons reçu votre paiement de { $amount } depuis { $source }, daté du { $date }. Il sera porté à votre contrat le { $posts }. Votre numéro de confirmation est { $reference }.
email-payment-changed-subject = Paiement { $reference } modifié : { $amount }
email-payment-changed-body = Votre paiement { $reference } est maintenant de { $amount } depuis { $source }, daté du { $date }. Il sera porté à votre contrat le { $posts }. Si vous ne l'avez pas modifié, appelez-nous.
email-payment-cancel-hint = Vous pouvez annuler un paiement daté après aujourd'hui dans Paiements jusqu'à sa date.
email-payment-posted-subject = Paiement { $reference } porté au compte
email-payment-posted-body = Votre paiement { $reference } de { $amount } a été porté à votre contrat.
email-payment-returned-subject = Le paiement { $reference } a été retourné
email-payment-returned-body = Votre banque a retourné le paiement { $reference } de { $amount }; il n'a donc pas été appliqué. Refaites le paiement depuis un autre compte, ou écrivez-nous si vous avez besoin d'aide.
email-payment-payoff-returned-subject = Le paiement de remboursement { $reference } a été retourné — votre contrat est ouvert
email-payment-payoff-returned-body = Votre banque a retourné votre paiement de remboursement { $reference } de { $amount }; le contrat n'est donc pas remboursé et il est de nouveau ouvert. Les paiements réguliers restent dus. Veuillez payer de nouveau à partir d'un autre compte, ou écrivez-nous si vous avez besoin d'aide.
email-payment-returned-late-subject = Le paiement { $reference } a été retourné après son imputation
email-payment-returned-late-body = Votre banque a retourné le paiement { $reference } de { $amount } après son imputation à votre contrat; nous l'avons donc retiré et ce montant est de nouveau dû. Refaites le paiement depuis un autre compte, ou écrivez-nous si vous ne vous y attendiez pas.
email-payment-returned-fee = Des frais de paiement retourné de { $fee } ont été ajoutés à votre contrat; votre prochain paiement les règle en premier.
email-payment-declined-subject = Le paiement { $reference } a été refusé
email-payment-declined-body = Le paiement { $reference } de { $amount } a été refusé et rien n'a été prélevé. Payez avec une autre carte ou un autre compte bancaire.
email-payment-cancelled-subject = Paiement { $reference } annulé
email-payment-cancelled-body = Votre paiement prévu { $reference } de { $amount } a été annulé par notre service à la clientèle, comme convenu avec vous; rien ne sera prélevé. Si vous ne l'avez pas demandé, écrivez-nous.

## Autopay and reminders

email-autopay-enrolled-subject = Prélèvement automatique activé pour le contrat { $contract }
email-autopay-enrolled-body = Le prélèvement automatique est en place pour le contrat { $contract } : { $amount } depuis { $source }, premier prélèvement le { $date }. Vous pouvez le modifier ou l'annuler dans Paiements › Prélèvement automatique.
email-autopay-changed-subject = Prélèvement automatique modifié pour le contrat { $contract }
email-autopay-changed-body = Votre prélèvement automatique pour le contrat { $contract } est maintenant de { $amount } depuis { $source }; le prochain prélèvement a lieu le { $date }.
email-autopay-cancelled-subject = Prélèvement automatique annulé pour le contrat { $contract }
email-autopay-cancelled-body = Le prélèvement automatique du contrat { $contract } est annulé; les prélèvements qui ne sont pas encore en cours ne seront pas effectués. Pensez à payer chaque versement avant son échéance.
email-autopay-stopped-subject = Fin du prélèvement automatique pour le contrat { $contract }
email-autopay-stopped-paid-off = Le contrat { $contract } est remboursé : le prélèvement automatique a pris fin et plus rien ne sera prélevé.
email-autopay-stopped-matured = Le dernier versement du contrat { $contract } a été prélevé : le prélèvement automatique a pris fin.
email-autopay-stopped-returns = Deux prélèvements automatiques du contrat { $contract } ont été retournés par votre banque : le prélèvement automatique est arrêté. Veuillez payer vos versements autrement, ou le remettre en place depuis un autre compte.
email-autopay-stopped-cancelled = Le compte utilisé par le prélèvement automatique du contrat { $contract } a été retiré : le prélèvement automatique a pris fin.
email-autopay-stopped-hint = Vous pouvez voir vos paiements et remettre le prélèvement automatique en place dans Paiements.
email-autopay-draft-soon-subject = Prélèvement automatique de { $amount } le { $date }
email-autopay-draft-soon-body = Le { $date }, le prélèvement automatique prélèvera { $amount } depuis { $source } pour le contrat { $contract }. Assurez-vous que les fonds sont disponibles.
email-due-soon-subject = Paiement de { $amount } dû le { $date }
email-due-soon-body = Votre paiement de { $amount } pour le contrat { $contract } est dû le { $date }.
email-due-soon-hint = Payez dans Paiements, ou activez le prélèvement automatique pour ne jamais manquer une échéance. Vous pouvez désactiver ces rappels dans votre profil.

email-message-answered-subject = Nous avons répondu à votre message { $reference }
email-message-answered-body = Une réponse à votre message { $reference } vous attend dans votre centre de messages.
email-message-answered-hint = Pour votre sécurité, nous n'incluons jamais le message lui-même dans un courriel. Connectez-vous pour le lire.
email-message-answered-button = Lire la réponse
email-app-submitted-subject = Nous avons reçu votre demande { $reference }
email-app-submitted-body = Nous avons bien votre demande { $reference }. Nous examinons les demandes en 2 jours ouvrables environ.
email-app-under-review-subject = Nous examinons votre demande { $reference }
email-app-under-review-body = Un membre de notre équipe examine votre demande { $reference }.
email-app-approved-subject = Votre demande { $reference } est approuvée
email-app-approved-body = Nous avons approuvé votre demande { $reference }. Votre compte montre le changement.
email-app-rejected-subject = Votre demande { $reference } a été refusée
email-app-rejected-body = Nous n'avons pas pu approuver votre demande { $reference }. La raison figure dans votre portail.
email-app-returned-subject = Votre demande { $reference } doit être corrigée
email-app-returned-body = Nous vous avons renvoyé votre demande { $reference } : corrigez-la comme l'indique la note dans votre portail, puis soumettez-la de nouveau.
email-app-hint = Pour votre sécurité, les détails ne figurent que dans votre portail. Connectez-vous pour les lire.
email-app-button = Voir vos demandes
